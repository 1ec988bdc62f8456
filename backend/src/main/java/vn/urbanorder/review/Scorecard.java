package vn.urbanorder.review;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a unit handled the reports assigned to it that arrived in a period.
 *
 * @param assigned reports now assigned to the unit, received from {@code from} to {@code to}
 * @param resolved of those, how many are RESOLVED or VERIFIED
 * @param onTimePercent of the resolved, the share resolved by their deadline; null when none
 * @param medianHoursToResolve from receipt to resolution, over the resolved; null when none
 * @param reviewed of those, how many an inspector confirmed or disputed at least once
 * @param confirmedAtFirstReviewPercent of the reviewed, the share whose first verdict was CONFIRMED
 * @param disputedPercent of the reviewed, the share disputed at least once
 */
public record Scorecard(
        UUID unitId,
        LocalDate from,
        LocalDate to,
        long assigned,
        long resolved,
        @Nullable Double onTimePercent,
        @Nullable Double medianHoursToResolve,
        long reviewed,
        @Nullable Double confirmedAtFirstReviewPercent,
        @Nullable Double disputedPercent) {}
