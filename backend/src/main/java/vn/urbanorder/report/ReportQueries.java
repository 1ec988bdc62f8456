package vn.urbanorder.report;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.ProblemException;

/** Reading reports back, each caller seeing only what their ward and roles allow. */
@Service
public class ReportQueries {

    private final ReportStore reports;

    ReportQueries(ReportStore reports) {
        this.reports = reports;
    }

    public Mono<Report> find(Caller caller, UUID id) {
        return reports.findVisible(caller, id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phản ánh này.")));
    }

    /** One page, and the cursor of the next when this one is full. */
    public Mono<Page> list(Caller caller, ReportFilter filter) {
        return reports.list(caller, filter).collectList().map(items -> {
            boolean full = items.size() == filter.limit();
            Report last = full ? items.get(items.size() - 1) : null;
            return new Page(items, last == null ? null : new ReportCursor(last.observedAt(), last.id()));
        });
    }

    public Mono<List<Nearby>> nearby(Caller caller, GeoPoint point, int radiusM) {
        return reports.nearby(caller, point, radiusM)
                .map(found -> new Nearby(found.report(), found.distanceM()))
                .collectList();
    }

    public record Page(List<Report> items, ReportCursor next) {}

    public record Nearby(Report report, double distanceM) {}
}
