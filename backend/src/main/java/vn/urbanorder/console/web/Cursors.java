package vn.urbanorder.console.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API's page cursors as a page passes them back: base64url text and nothing else. Anything
 * else (braces a URI template would read as placeholders, a tampered link) is dropped, and the
 * list starts from its first page.
 */
final class Cursors {

    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,512}");

    static @Nullable String of(@Nullable String cursor) {
        return cursor != null && CURSOR.matcher(cursor).matches() ? cursor : null;
    }

    private Cursors() {}
}
