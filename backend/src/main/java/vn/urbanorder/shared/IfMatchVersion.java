package vn.urbanorder.shared;

import org.jspecify.annotations.Nullable;

/** The version an {@code If-Match} header names: {@code "7"}, {@code W/"7"} or a bare {@code 7}. */
public final class IfMatchVersion {

    private IfMatchVersion() {}

    /**
     * Null without a header (or with {@code *}, which names no version); 412 with the given detail
     * (what a version of this resource looks like) for anything unreadable.
     */
    public static @Nullable Long of(@Nullable String header, String unreadable) {
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
        } catch (NumberFormatException notANumber) {
            throw ProblemException.preconditionFailed(unreadable);
        }
    }
}
