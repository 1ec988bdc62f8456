package vn.urbanorder.report;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Vietnamese text folded for search: lower case, diacritics removed, đ as d, spaces collapsed,
 * so that "nguyen van cu" finds "Nguyễn Văn Cừ" without a database extension.
 */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {}

    static String fold(@Nullable String... texts) {
        String joined = String.join(
                " ", Arrays.stream(texts).filter(text -> text != null).toList());
        String stripped =
                MARKS.matcher(Normalizer.normalize(joined, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /** The folded words of a query, each of which a match must contain. */
    static List<String> words(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }
}
