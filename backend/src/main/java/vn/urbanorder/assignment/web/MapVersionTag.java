package vn.urbanorder.assignment.web;

import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.ProblemException;

/** The map version an {@code If-Match} header names: {@code "7"}, {@code W/"7"} or a bare {@code 7}. */
final class MapVersionTag {

    private MapVersionTag() {}

    /** Null without a header (or with {@code *}, which names no version); 412 for anything unreadable. */
    static @Nullable Long version(@Nullable String header) {
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
            return Long.valueOf(tag);
        } catch (NumberFormatException unreadable) {
            throw ProblemException.preconditionFailed("If-Match phải là phiên bản của bản đồ, ví dụ \"7\".");
        }
    }
}
