package vn.urbanorder.location.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.api.model.LatLonDto;
import vn.urbanorder.api.model.LocationFeatureDto;
import vn.urbanorder.api.model.LocationFeaturePropertiesDto;
import vn.urbanorder.api.model.LocationZoneDto;
import vn.urbanorder.api.model.PointGeometryDto;
import vn.urbanorder.api.model.ViolationLocationDto;
import vn.urbanorder.location.LocationCursor;
import vn.urbanorder.location.LocationFilter;
import vn.urbanorder.location.LocationSort;
import vn.urbanorder.location.ViolationLocation;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.Proximity;

/** Locations as the API shows them: as records, and as map features. */
final class LocationViews {

    private LocationViews() {}

    /** The list filters as the API's query parameters give them; a malformed bbox is a 422. */
    static LocationFilter filter(
            @Nullable Boolean repeat,
            @Nullable String category,
            @Nullable UUID zoneId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable String bbox,
            @Nullable LocationSort sort,
            @Nullable LocationCursor cursor,
            int limit) {
        return new LocationFilter(
                repeat,
                category,
                zoneId,
                from == null ? null : CalendarBounds.check("from", from).toInstant(),
                to == null ? null : CalendarBounds.check("to", to).toInstant(),
                Proximity.Box.parse(bbox),
                sort == null ? LocationSort.LAST_SEEN_AT : sort,
                cursor,
                limit);
    }

    static ViolationLocationDto toApi(ViolationLocation location) {
        return new ViolationLocationDto()
                .id(location.id())
                .category(location.category())
                .anchor(new LatLonDto()
                        .lat(location.anchor().lat())
                        .lon(location.anchor().lon()))
                .zone(
                        location.zoneId() == null
                                ? null
                                : new LocationZoneDto().id(location.zoneId()).code(location.zoneCode()))
                .reportCount(location.reportCount())
                .repeat(location.repeat())
                .repeatCount(location.repeatCount())
                .firstSeenAt(utc(location.firstSeenAt()))
                .lastSeenAt(utc(location.lastSeenAt()))
                .firstRepeatAt(utc(location.firstRepeatAt()))
                .createdAt(utc(location.createdAt()));
    }

    static LocationFeatureDto feature(ViolationLocation location) {
        return new LocationFeatureDto()
                .type(LocationFeatureDto.TypeEnum.FEATURE)
                .id(location.id().toString())
                .geometry(point(location.anchor()))
                .properties(new LocationFeaturePropertiesDto()
                        .category(location.category())
                        .zoneCode(location.zoneCode())
                        .reportCount(location.reportCount())
                        .repeat(location.repeat())
                        .repeatCount(location.repeatCount())
                        .lastSeenAt(utc(location.lastSeenAt())));
    }

    /** GeoJSON order: longitude first. */
    static PointGeometryDto point(GeoPoint point) {
        return new PointGeometryDto()
                .type(PointGeometryDto.TypeEnum.POINT)
                .coordinates(List.of(point.lon(), point.lat()));
    }

    static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
