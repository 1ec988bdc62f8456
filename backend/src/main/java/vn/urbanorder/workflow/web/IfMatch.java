package vn.urbanorder.workflow.web;

import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.IfMatchVersion;
import vn.urbanorder.shared.ProblemException;

/** The report version an {@code If-Match} header names. */
final class IfMatch {

    private static final String UNREADABLE = "If-Match phải là phiên bản của phản ánh, ví dụ \"3\".";

    private IfMatch() {}

    /** Null without a header (or with {@code *}); 412 for anything unreadable or beyond a version's range. */
    static @Nullable Integer version(@Nullable String header) {
        Long version = IfMatchVersion.of(header, UNREADABLE);
        if (version == null) {
            return null;
        }
        if (version != version.intValue()) {
            throw ProblemException.preconditionFailed(UNREADABLE);
        }
        return version.intValue();
    }
}
