package vn.urbanorder.console.web.setup;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** What the set-up forms send: text as typed, blanks as nothing. */
final class SetupForms {

    private SetupForms() {}

    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    static @Nullable String blankToNull(@Nullable String value) {
        String text = text(value);
        return text.isEmpty() ? null : text;
    }

    /** The form's values of a field that repeats once per row; missing rows read as blank. */
    static String at(MultiValueMap<String, String> form, String name, int row) {
        List<String> values = form.get(name);
        return values == null || row >= values.size() ? "" : text(values.get(row));
    }

    static int rows(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? 0 : values.size();
    }
}
