package vn.urbanorder.console.web.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API's field errors moved onto the form: {@code rules[2].unitCode} names the third rule
 * sent, which is the form row the person filled in (blank and removed rows are not sent), so the
 * message shows beside that row's field. What names no row stays for the top of the form.
 */
final class RowErrors {

    private final Map<String, String> byRowField = new LinkedHashMap<>();
    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    static RowErrors none() {
        return new RowErrors();
    }

    /**
     * @param list the API's name for the list ({@code rules}, {@code holidays}, {@code categories})
     * @param rowOfSent the form row of each item sent, in order
     */
    static RowErrors of(Map<String, String> errors, String list, List<Integer> rowOfSent) {
        RowErrors found = new RowErrors();
        Pattern item = Pattern.compile("^" + Pattern.quote(list) + "\\[(\\d+)](?:\\.(\\w+))?$");
        errors.forEach((field, message) -> {
            Matcher matched = item.matcher(field);
            if (matched.matches()) {
                int sent = Integer.parseInt(matched.group(1));
                int row = sent < rowOfSent.size() ? rowOfSent.get(sent) : -1;
                String part = matched.group(2) == null ? "" : matched.group(2);
                if (row >= 0) {
                    found.byRowField.merge(row + "." + part, message, (a, b) -> a + " " + b);
                    return;
                }
            }
            found.byField.merge(field, message, (a, b) -> a + " " + b);
        });
        return found;
    }

    /** A problem the form itself found, before anything was sent. */
    RowErrors add(int row, String field, String message) {
        byRowField.merge(row + "." + field, message, (a, b) -> a + " " + b);
        return this;
    }

    RowErrors addField(String field, String message) {
        byField.merge(field, message, (a, b) -> a + " " + b);
        return this;
    }

    RowErrors addGeneral(String message) {
        general.add(message);
        return this;
    }

    /** The message for a row's field; {@code ""} names the row as a whole. */
    public @Nullable String at(int row, String field) {
        return byRowField.get(row + "." + field);
    }

    /** Whether anything is wrong with the row. */
    public boolean row(int row) {
        String prefix = row + ".";
        return byRowField.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    /** The message for a field outside the rows ({@code hours.SANITATION}). */
    public @Nullable String field(String field) {
        return byField.get(field);
    }

    /** Messages that name neither a row nor a field of the form. */
    public List<String> general() {
        List<String> all = new ArrayList<>(general);
        return all;
    }

    public boolean any() {
        return !byRowField.isEmpty() || !byField.isEmpty() || !general.isEmpty();
    }

    /** Field errors that no part of the form shows (named by the API but not on the form): told at the top. */
    public List<String> unplaced(java.util.Set<String> shownFields) {
        List<String> left = new ArrayList<>(general);
        byField.forEach((field, message) -> {
            if (!shownFields.contains(field)) {
                left.add(field + ": " + message);
            }
        });
        return left;
    }
}
