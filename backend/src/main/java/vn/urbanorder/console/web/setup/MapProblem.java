package vn.urbanorder.console.web.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.console.web.FeatureFile;

/**
 * One thing wrong with a zone file, as the API names it ({@code features[3].geometry}), told as
 * the person reads it: which feature (its number in the file and its code), which of its parts.
 *
 * @param feature the feature's number in the file, from 1; 0 for the file as a whole
 * @param part the message key's last word for the part at fault ({@code geometry}, {@code code}, …)
 */
record MapProblem(String field, int feature, @Nullable String code, String part, String message) {

    private static final Pattern FEATURE = Pattern.compile("^features\\[(\\d+)](?:\\.(?:properties\\.)?(\\w+))?$");
    private static final java.util.Set<String> PARTS =
            java.util.Set.of("geometry", "code", "name", "kind", "unitCode", "bufferM");

    static List<MapProblem> of(Map<String, String> errors, @Nullable FeatureFile file) {
        List<MapProblem> problems = new ArrayList<>();
        errors.forEach((field, message) -> problems.add(of(field, message, file)));
        return problems;
    }

    static MapProblem of(String field, String message, @Nullable FeatureFile file) {
        Matcher matched = FEATURE.matcher(field);
        if (!matched.matches()) {
            return new MapProblem(field, 0, null, "file", message);
        }
        int index = Integer.parseInt(matched.group(1));
        String part = matched.group(2) == null ? "feature" : matched.group(2);
        return new MapProblem(
                field,
                index + 1,
                file == null ? null : file.code(index),
                PARTS.contains(part) ? part : "feature",
                message);
    }

    /** The feature's index in the file, or -1 for the file as a whole. */
    public int index() {
        return feature - 1;
    }
}
