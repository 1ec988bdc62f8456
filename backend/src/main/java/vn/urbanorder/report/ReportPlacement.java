package vn.urbanorder.report;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The violation location each report is at, as the location feature decides it: that feature
 * finds the places, this one keeps the report's column. Both run in the caller's transaction,
 * under the locks of {@link LocationMatching}.
 */
@Service
public class ReportPlacement {

    private final ReportStore reports;

    ReportPlacement(ReportStore reports) {
        this.reports = reports;
    }

    /** Puts the report at the location. */
    public Mono<Void> place(UUID reportId, UUID locationId) {
        return reports.place(reportId, locationId);
    }

    /** Takes every report of the ward and category from its location, before the locations are made again. */
    public Mono<Void> unplaceAll(UUID wardId, String category) {
        return reports.unplaceAll(wardId, category);
    }
}
