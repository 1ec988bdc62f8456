package vn.urbanorder.ward;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.GeoJson;

/** Finds wards by their id or code. */
@Service
public class WardDirectory {

    private static final String SELECT =
            "SELECT id, code, name, time_zone, service_area::text AS service_area FROM ward ";

    private static final Duration CACHE_TIME = Duration.ofMinutes(1);

    private final DatabaseClient database;
    private final Map<UUID, Mono<Ward>> byId = new ConcurrentHashMap<>();

    WardDirectory(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Ward> findByCode(String code) {
        return database.sql(SELECT + "WHERE code = :code")
                .bind("code", code)
                .map(WardDirectory::toWard)
                .one();
    }

    /**
     * A ward by id, from a short-lived cache: every report intake needs its ward, whose service
     * area is then parsed once a minute rather than once a request. A ward not found is not cached.
     */
    public Mono<Ward> findById(UUID id) {
        return byId.computeIfAbsent(id, key -> database.sql(SELECT + "WHERE id = :id")
                .bind("id", key)
                .map(WardDirectory::toWard)
                .one()
                .cache(ward -> CACHE_TIME, failure -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** Creates a ward; its service area must be a valid GeoJSON Polygon or MultiPolygon. */
    public Mono<Ward> create(String code, String name, ZoneId timeZone, String serviceAreaGeoJson) {
        var area = GeoJson.read(serviceAreaGeoJson);
        if (!(area instanceof Polygon || area instanceof MultiPolygon)) {
            return Mono.error(new GeoJson.InvalidGeometryException("vùng phục vụ phải là Polygon hoặc MultiPolygon"));
        }
        return database.sql("INSERT INTO ward (code, name, time_zone, service_area) VALUES (:code, :name, :zone,"
                        + " CAST(:area AS jsonb))")
                .bind("code", code)
                .bind("name", name)
                .bind("zone", timeZone.getId())
                .bind("area", serviceAreaGeoJson)
                .then()
                .then(findByCode(code));
    }

    private static Ward toWard(io.r2dbc.spi.Readable row) {
        return new Ward(
                row.get("id", UUID.class),
                row.get("code", String.class),
                row.get("name", String.class),
                ZoneId.of(row.get("time_zone", String.class)),
                GeoJson.read(row.get("service_area", String.class)));
    }
}
