package vn.urbanorder.workflow.web;

import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.ProblemException;

/** The version an {@code If-Match} header names: {@code "3"}, {@code W/"3"} or a bare {@code 3}. */
final class IfMatch {

    private IfMatch() {}

    /** Null without a header (or with {@code *}, which names no version); 412 for anything unreadable. */
    static @Nullable Integer version(@Nullable String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException unreadable) {
            throw ProblemException.preconditionFailed("If-Match phải là phiên bản của phản ánh, ví dụ \"3\".");
        }
    }
}
