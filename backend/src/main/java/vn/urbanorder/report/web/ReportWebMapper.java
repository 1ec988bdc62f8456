package vn.urbanorder.report.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.urbanorder.api.model.NearbyReportDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportFlagDto;
import vn.urbanorder.api.model.ReportLocationDto;
import vn.urbanorder.api.model.ReportPhotoDto;
import vn.urbanorder.api.model.ReportSubmissionDto;
import vn.urbanorder.api.model.ReporterDto;
import vn.urbanorder.api.model.ViolationLocationRefDto;
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
    ReportDto toApi(Report report);

    default List<ReportPhotoDto> photos(Report report) {
        return report.photos().stream()
                .map(photo -> new ReportPhotoDto()
                        .id(photo.id())
                        .contentType(photo.contentType())
                        .sizeBytes(photo.sizeBytes())
                        .sha256(photo.sha256())
                        .width(photo.width())
                        .height(photo.height())
                        .takenAt(toApi(photo.takenAt()))
                        .stage(ReportPhotoDto.StageEnum.fromValue(photo.stage().name()))
                        .gps(
                                photo.gps() == null
                                        ? null
                                        : new ReportLocationDto()
                                                .lat(photo.gps().lat())
                                                .lon(photo.gps().lon()))
                        .url("/api/v1/reports/" + report.id() + "/photos/" + photo.id()))
                .toList();
    }

    default @Nullable ViolationLocationRefDto toApi(@Nullable LocationSummary location) {
        return location == null
                ? null
                : new ViolationLocationRefDto()
                        .id(location.id())
                        .reportCount(location.reportCount())
                        .repeat(location.repeat())
                        .repeatCount(location.repeatCount());
    }

    @Mapping(target = "id", source = "reporterId")
    @Mapping(target = "displayName", source = "reporterName")
    ReporterDto reporter(Report report);

    NearbyReportDto toApi(ReportQueries.Nearby nearby);

    default ReportLocationDto toApi(ReportLocation location) {
        return new ReportLocationDto()
                .lat(location.point().lat())
                .lon(location.point().lon())
                .accuracyM(location.accuracyM());
    }

    /** Flags in a stable order, so clients and tests see the same list every time. */
    default List<ReportFlagDto> toApi(Set<ReportFlag> flags) {
        return flags.stream()
                .sorted()
                .map(flag -> ReportFlagDto.fromValue(flag.name()))
                .toList();
    }

    default @Nullable OffsetDateTime toApi(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default ReportSubmission toDomain(ReportSubmissionDto submission) {
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

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
