package vn.urbanorder.report;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.core.io.Resource;
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

    ReportQueries(ReportStore reports, Photos photos) {
        this.reports = reports;
        this.photos = photos;
    }

    public Mono<Report> find(Caller caller, UUID id) {
        return reports.findVisible(caller, id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phản ánh này.")))
                .flatMap(report -> withPhotos(List.of(report)).map(found -> found.get(0)));
    }

    /** One page, and the cursor of the next when another follows. */
    public Mono<Page> list(Caller caller, ReportFilter filter) {
        return reports.list(caller, filter).collectList().flatMap(found -> {
            boolean more = found.size() > filter.limit();
            List<Report> page = more ? found.subList(0, filter.limit()) : found;
            ReportCursor next = more
                    ? new ReportCursor(
                            page.get(page.size() - 1).observedAt(),
                            page.get(page.size() - 1).id())
                    : null;
            return withPhotos(page).map(items -> new Page(items, next));
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

    /** A photo of a report the caller may see, with its file; 404 otherwise. */
    public Mono<PhotoFile> photo(Caller caller, UUID reportId, UUID photoId) {
        return find(caller, reportId)
                .flatMap(report -> photos.find(report.id(), photoId))
                .flatMap(photo -> photos.content(photo).map(file -> new PhotoFile(photo, file)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có ảnh này.")));
    }

    /** Each report with its photos, read in one query for the lot. */
    Mono<List<Report>> withPhotos(List<Report> found) {
        return photos.ofReports(found.stream().map(Report::id).toList())
                .collect(Collectors.groupingBy(Photo::reportId))
                .map(byReport -> found.stream()
                        .map(report -> report.withPhotos(byReport.getOrDefault(report.id(), List.of())))
                        .toList());
    }

    public record Page(List<Report> items, ReportCursor next) {}

    public record Nearby(Report report, double distanceM) {}

    public record PhotoFile(Photo photo, Resource file) {}
}
