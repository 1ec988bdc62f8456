package vn.urbanorder.report.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.urbanorder.api.model.NearbyReport;
import vn.urbanorder.api.model.ReportPhoto;
import vn.urbanorder.api.model.Reporter;
import vn.urbanorder.report.LocationSummary;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportFlag;
import vn.urbanorder.report.ReportLocation;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.report.ReportSubmission;
import vn.urbanorder.shared.GeoPoint;

@Mapper
interface ReportWebMapper {

    @Mapping(target = "reporter", source = ".")
    @Mapping(target = "overdue", ignore = true)
    @Mapping(target = "allowedActions", ignore = true)
    @Mapping(target = "photos", expression = "java(photos(report))")
    vn.urbanorder.api.model.Report toApi(Report report);

    default List<ReportPhoto> photos(Report report) {
        return report.photos().stream()
                .map(photo -> new ReportPhoto()
                        .id(photo.id())
                        .contentType(photo.contentType())
                        .sizeBytes(photo.sizeBytes())
                        .sha256(photo.sha256())
                        .width(photo.width())
                        .height(photo.height())
                        .takenAt(toApi(photo.takenAt()))
                        .stage(vn.urbanorder.api.model.ReportPhoto.StageEnum.fromValue(
                                photo.stage().name()))
                        .gps(
                                photo.gps() == null
                                        ? null
                                        : new vn.urbanorder.api.model.ReportLocation()
                                                .lat(photo.gps().lat())
                                                .lon(photo.gps().lon()))
                        .url("/api/v1/reports/" + report.id() + "/photos/" + photo.id()))
                .toList();
    }

    default vn.urbanorder.api.model.ViolationLocationRef toApi(LocationSummary location) {
        return location == null
                ? null
                : new vn.urbanorder.api.model.ViolationLocationRef()
                        .id(location.id())
                        .reportCount(location.reportCount())
                        .repeat(location.repeat())
                        .repeatCount(location.repeatCount());
    }

    @Mapping(target = "id", source = "reporterId")
    @Mapping(target = "displayName", source = "reporterName")
    Reporter reporter(Report report);

    NearbyReport toApi(ReportQueries.Nearby nearby);

    default vn.urbanorder.api.model.ReportLocation toApi(ReportLocation location) {
        return new vn.urbanorder.api.model.ReportLocation()
                .lat(location.point().lat())
                .lon(location.point().lon())
                .accuracyM(location.accuracyM());
    }

    /** Flags in a stable order, so clients and tests see the same list every time. */
    default List<vn.urbanorder.api.model.ReportFlag> toApi(Set<ReportFlag> flags) {
        return flags.stream()
                .sorted()
                .map(flag -> vn.urbanorder.api.model.ReportFlag.fromValue(flag.name()))
                .toList();
    }

    default OffsetDateTime toApi(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default ReportSubmission toDomain(vn.urbanorder.api.model.ReportSubmission submission) {
        var location = submission.getLocation();
        return new ReportSubmission(
                submission.getClientReportId(),
                submission.getCategory(),
                blankToNull(submission.getSubtype()),
                blankToNull(submission.getDescription()),
                blankToNull(submission.getAddressText()),
                new ReportLocation(new GeoPoint(location.getLat(), location.getLon()), location.getAccuracyM()),
                submission.getObservedAt(),
                submission.getInspectionRoundId());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
