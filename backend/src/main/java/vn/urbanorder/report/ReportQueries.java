package vn.urbanorder.report;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.Photo;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.ProblemException;

/** Reading reports back, each caller seeing only what their ward and roles allow. */
@Service
public class ReportQueries {

    private final ReportStore reports;
    private final Photos photos;
    private final ReportEvents events;
    private final Clock clock;

    ReportQueries(ReportStore reports, Photos photos, ReportEvents events, Clock clock) {
        this.reports = reports;
        this.photos = photos;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Report> find(Caller caller, UUID id) {
        return reports.findVisible(caller, id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phản ánh này.")))
                .flatMap(report -> withPhotos(List.of(report)).map(found -> found.get(0)));
    }

    /** One page, and the cursor of the next when another follows. */
    public Mono<Page> list(Caller caller, ReportFilter filter) {
        return withoutPhotos(caller, filter)
                .flatMap(page -> withPhotos(page.items()).map(items -> new Page(items, page.next())));
    }

    /** The same page without the reports' photos, for map layers that show none. */
    public Mono<Page> withoutPhotos(Caller caller, ReportFilter filter) {
        return reports.list(caller, filter, clock.instant()).collectList().map(found -> {
            boolean more = found.size() > filter.limit();
            List<Report> page = more ? found.subList(0, filter.limit()) : found;
            Report last = page.isEmpty() ? null : page.get(page.size() - 1);
            ReportCursor next = more && last != null
                    ? new ReportCursor(
                            filter.sort(),
                            switch (filter.sort()) {
                                case DUE_AT -> last.dueAt();
                                case REVIEW_QUEUE -> last.waitingForReviewSince();
                                case OBSERVED_AT -> last.observedAt();
                            },
                            last.id())
                    : null;
            return new Page(page, next);
        });
    }

    public Mono<List<Nearby>> nearby(Caller caller, GeoPoint point, int radiusM) {
        return reports.nearby(caller, point, radiusM).collectList().flatMap(found -> withPhotos(
                        found.stream().map(Nearby::report).toList())
                // withPhotos keeps the order, so each report meets its own distance again.
                .map(reports -> IntStream.range(0, found.size())
                        .mapToObj(index ->
                                new Nearby(reports.get(index), found.get(index).distanceM()))
                        .toList()));
    }

    /**
     * A photo of a report the caller may see; 404 otherwise. Whoever may read the report may fetch
     * its photos in every size, the original with its EXIF included.
     */
    public Mono<Photo> photo(Caller caller, UUID reportId, UUID photoId) {
        return find(caller, reportId)
                .flatMap(report -> photos.find(report.id(), photoId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có ảnh này.")));
    }

    /**
     * A report of the caller's ward, even one their role does not show them, so that an action
     * on it can be refused as forbidden rather than missing; 404 for another ward's.
     */
    public Mono<Report> findInWard(Caller caller, UUID id) {
        return reports.findInWard(caller.wardId(), id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phản ánh này.")));
    }

    /** The audit trail of a report the caller may see; 404 otherwise. */
    public Mono<List<ReportEvent>> events(Caller caller, UUID reportId) {
        return reports.findVisible(caller, reportId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phản ánh này.")))
                .flatMap(report -> events.of(report.id()).collectList());
    }

    /** Whether the trail of a report the caller may see still holds. */
    public Mono<ChainCheck> verifyEvents(Caller caller, UUID reportId) {
        return reports.findVisible(caller, reportId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phản ánh này.")))
                .flatMap(report -> events.trail(report.id()))
                .map(trail -> {
                    EventChain.Break broken = EventChain.check(trail.events(), trail.expectedCount(), trail.status());
                    int count = trail.events().size();
                    return broken == null
                            ? new ChainCheck(true, count, null, null)
                            : new ChainCheck(false, count, broken.seq(), broken.reason());
                });
    }

    /** Each report with its photos, read in one query for the lot. */
    Mono<List<Report>> withPhotos(List<Report> found) {
        return photos.ofReports(found.stream().map(Report::id).toList())
                .collect(Collectors.groupingBy(Photo::reportId))
                .map(byReport -> found.stream()
                        .map(report -> report.withPhotos(byReport.getOrDefault(report.id(), List.of())))
                        .toList());
    }

    public record Page(List<Report> items, @Nullable ReportCursor next) {}

    public record Nearby(Report report, double distanceM) {}

    /** The outcome of checking a report's hash chain; where it breaks, the first event that does not hold. */
    public record ChainCheck(
            boolean intact,
            int events,
            @Nullable Integer brokenAt,
            @Nullable String reason) {}
}
