package vn.urbanorder.assignment.web;

import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.IfMatchVersion;

/** The map version an {@code If-Match} header names. */
final class MapVersionTag {

    private MapVersionTag() {}

    /** Null without a header (or with {@code *}); 412 for anything unreadable. */
    static @Nullable Long version(@Nullable String header) {
        return IfMatchVersion.of(header, "If-Match phải là phiên bản của bản đồ, ví dụ \"7\".");
    }
}
