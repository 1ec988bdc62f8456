package vn.urbanorder.console.web.province;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.api.model.FieldErrorDto;
import vn.urbanorder.console.web.FeatureFile;

/**
 * One thing the API found wrong with (or worth a look in) a file of ward boundaries, by feature.
 *
 * @param feature its number in the file, from 1; 0 for the whole file
 * @param code the feature's code in the file, or empty
 * @param field the API's name for the part ({@code features[3].geometry})
 * @param message the API's message
 */
record WardProblem(int feature, String code, String field, String message) {

    private static final Pattern FEATURE = Pattern.compile("^features\\[(\\d+)]");

    static List<WardProblem> of(List<FieldErrorDto> errors, FeatureFile file) {
        return errors.stream()
                .map(error -> of(error.getField(), error.getMessage(), file))
                .toList();
    }

    static List<WardProblem> of(Map<String, String> errors, FeatureFile file) {
        return errors.entrySet().stream()
                .map(error -> of(error.getKey(), error.getValue(), file))
                .toList();
    }

    private static WardProblem of(String field, String message, FeatureFile file) {
        int feature = featureNumber(field);
        String code = file.code(feature - 1);
        return new WardProblem(feature, code == null ? "" : code, field, message);
    }

    /** The feature an API error names, counted from 1 as people count; 0 for the whole file. */
    static int featureNumber(@Nullable String field) {
        if (field == null) {
            return 0;
        }
        Matcher found = FEATURE.matcher(field);
        return found.find() ? Integer.parseInt(found.group(1)) + 1 : 0;
    }
}
