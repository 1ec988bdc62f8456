package vn.urbanorder.report;

import java.util.UUID;

/**
 * The violation location a report joined, as its readers see it.
 *
 * @param reportCount the reports at the location
 * @param repeatCount the repeat offences there: reports made after an earlier one there was cleared
 */
public record LocationSummary(UUID id, int reportCount, int repeatCount) {

    /** A repeat point (điểm tái phạm): the violation came back at least once after it was cleared. */
    public boolean repeat() {
        return repeatCount > 0;
    }
}
