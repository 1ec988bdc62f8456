package vn.urbanorder.stats;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One report of the period as the export lists it.
 *
 * @param onTime for a resolved report, whether by its deadline; null otherwise
 */
record ReportLine(
        String reference,
        Instant observedAt,
        Instant receivedAt,
        String category,
        @Nullable String subtype,
        @Nullable String address,
        double lat,
        double lon,
        @Nullable String zone,
        @Nullable String segment,
        @Nullable String unit,
        String reporter,
        String status,
        @Nullable String rejectionReason,
        @Nullable Instant dueAt,
        @Nullable Instant resolvedAt,
        @Nullable Boolean onTime,
        @Nullable String duplicateOf,
        boolean repeatOffence,
        @Nullable String inspectionRound) {

    static final List<String> HEADERS = List.of(
            "Số phản ánh",
            "Thời điểm phát hiện",
            "Thời điểm tiếp nhận",
            "Lĩnh vực",
            "Loại vi phạm",
            "Địa chỉ",
            "Vĩ độ",
            "Kinh độ",
            "Tổ dân phố",
            "Tuyến khoán quản",
            "Đơn vị xử lý",
            "Người phát hiện",
            "Trạng thái",
            "Lý do từ chối",
            "Hạn xử lý",
            "Thời điểm xử lý xong",
            "Đúng hạn",
            "Trùng lặp",
            "Trùng với phản ánh",
            "Tái phạm",
            "Đợt kiểm tra");

    private static final String YES = "Có";
    private static final String NO = "Không";

    /**
     * The cells under {@link #HEADERS}: times local to the ward, codes by their Vietnamese names.
     *
     * @param names category codes, and "category/subtype" codes, to their names
     */
    List<@Nullable Object> cells(Map<String, String> names, ZoneId timeZone) {
        return StatsTables.row(
                reference,
                StatsTables.local(observedAt, timeZone),
                StatsTables.local(receivedAt, timeZone),
                names.getOrDefault(category, category),
                subtype == null ? null : names.getOrDefault(category + "/" + subtype, subtype),
                address,
                new Coordinate(lat),
                new Coordinate(lon),
                zone,
                segment,
                unit,
                reporter,
                VietnameseLabels.status(status),
                VietnameseLabels.rejectionReason(rejectionReason),
                StatsTables.local(dueAt, timeZone),
                StatsTables.local(resolvedAt, timeZone),
                onTime == null ? null : onTime ? YES : NO,
                "DUPLICATE".equals(status) ? YES : null,
                duplicateOf,
                repeatOffence ? YES : null,
                inspectionRound);
    }
}
