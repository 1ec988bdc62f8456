package vn.urbanorder.workflow;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.report.ReportAction;

/**
 * An action as a caller asks for it.
 *
 * @param expectedVersion the version the caller saw, from {@code If-Match} or the body
 * @param versionFromHeader whether it came from {@code If-Match} (a stale one is then a 412, else a 409)
 */
public record ActionRequest(
        ReportAction action,
        @Nullable String note,
        @Nullable UUID unitId,
        @Nullable String reason,
        @Nullable UUID duplicateOf,
        @Nullable Integer expectedVersion,
        boolean versionFromHeader) {}
