package vn.urbanorder.photo;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.GeoPoint;

/** The photos of reports: recording them with their report, and reading them back. */
@Service
public class Photos {

    private static final String SELECT = "SELECT id, report_id, position, sha256, content_type, size_bytes, width,"
            + " height, taken_at, gps_lat, gps_lon FROM photo ";

    private final DatabaseClient database;
    private final PhotoStorage storage;

    Photos(DatabaseClient database, PhotoStorage storage) {
        this.database = database;
        this.storage = storage;
    }

    /**
     * Puts the files in storage; gives the hashes of the files this call created, which {@link
     * #forget} removes again if the report is not recorded after all.
     */
    public Mono<List<String>> store(List<InspectedPhoto> photos) {
        return Flux.fromIterable(photos)
                .concatMap(photo -> storage.store(photo.sha256(), photo.bytes())
                        .filter(created -> created)
                        .map(created -> photo.sha256()))
                .collectList();
    }

    /** Removes files stored for a report that was not recorded, unless another record now uses them. */
    public Mono<Void> forget(Collection<String> created) {
        return Flux.fromIterable(created)
                .concatMap(sha256 -> database.sql("SELECT EXISTS (SELECT 1 FROM photo WHERE sha256 = :sha) AS used")
                        .bind("sha", sha256)
                        .map(row -> Boolean.TRUE.equals(row.get("used", Boolean.class)))
                        .one()
                        .filter(used -> !used)
                        .flatMap(unused -> storage.delete(sha256)))
                .then();
    }

    /** Records the photos of a new report; call in the transaction that inserts the report. */
    public Mono<Void> record(UUID wardId, UUID reportId, List<InspectedPhoto> photos) {
        return Flux.range(0, photos.size())
                .concatMap(index -> {
                    InspectedPhoto photo = photos.get(index);
                    var insert = database.sql("""
                                    INSERT INTO photo (ward_id, report_id, position, sha256, content_type, size_bytes,
                                                       width, height, taken_at, gps_lat, gps_lon)
                                    VALUES (:ward, :report, :position, :sha, :type, :size, :width, :height, :taken,
                                            :lat, :lon)
                                    """)
                            .bind("ward", wardId)
                            .bind("report", reportId)
                            .bind("position", index + 1)
                            .bind("sha", photo.sha256())
                            .bind("type", photo.type().contentType())
                            .bind("size", photo.sizeBytes());
                    insert = nullable(insert, "width", photo.width(), Integer.class);
                    insert = nullable(insert, "height", photo.height(), Integer.class);
                    insert = nullable(insert, "taken", photo.takenAt(), Instant.class);
                    insert = nullable(
                            insert,
                            "lat",
                            photo.gps() == null ? null : photo.gps().lat(),
                            Double.class);
                    insert = nullable(
                            insert,
                            "lon",
                            photo.gps() == null ? null : photo.gps().lon(),
                            Double.class);
                    return insert.then();
                })
                .then();
    }

    public Flux<Photo> ofReports(Collection<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql(SELECT + "WHERE report_id = ANY (:reports) ORDER BY report_id, position")
                .bind("reports", reportIds.toArray(UUID[]::new))
                .map(Photos::toPhoto)
                .all();
    }

    public Mono<Photo> find(UUID reportId, UUID photoId) {
        return database.sql(SELECT + "WHERE report_id = :report AND id = :id")
                .bind("report", reportId)
                .bind("id", photoId)
                .map(Photos::toPhoto)
                .one();
    }

    /** The photo's file; empty if storage lost it. */
    public Mono<Resource> content(Photo photo) {
        return storage.resource(photo.sha256());
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Photo toPhoto(Readable row) {
        Double lat = row.get("gps_lat", Double.class);
        Double lon = row.get("gps_lon", Double.class);
        return new Photo(
                row.get("id", UUID.class),
                row.get("report_id", UUID.class),
                row.get("position", Short.class),
                row.get("sha256", String.class),
                row.get("content_type", String.class),
                row.get("size_bytes", Long.class),
                row.get("width", Integer.class),
                row.get("height", Integer.class),
                row.get("taken_at", Instant.class),
                lat == null || lon == null ? null : new GeoPoint(lat, lon));
    }
}
