package vn.urbanorder.stats;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The Vietnamese names of the codes that figures and exports show to people. */
final class VietnameseLabels {

    static final String NO_SUBTYPE = "Không ghi loại";
    static final String OUTSIDE_ZONES = "Ngoài các tổ dân phố";
    static final String OUTSIDE_SEGMENTS = "Ngoài các tuyến khoán quản";
    static final String NO_UNIT = "Chưa giao đơn vị";

    /** The rejection reasons, in the order figures list them. */
    static final Map<String, String> REJECTION_REASONS = orderedMap(
            "NOT_A_VIOLATION", "Không phải vi phạm",
            "OUT_OF_AREA", "Ngoài địa bàn phường",
            "DUPLICATE", "Trùng phản ánh khác",
            "OTHER", "Lý do khác");

    private static final Map<String, String> STATUSES = Map.of(
            "UNASSIGNED", "Chưa giao",
            "ASSIGNED", "Đã giao",
            "IN_PROGRESS", "Đang xử lý",
            "RESOLVED", "Đã xử lý",
            "VERIFIED", "Đã xác nhận",
            "REOPENED", "Mở lại",
            "REJECTED", "Từ chối",
            "DUPLICATE", "Trùng lặp");

    private VietnameseLabels() {}

    static String status(String code) {
        return STATUSES.getOrDefault(code, code);
    }

    static @Nullable String rejectionReason(@Nullable String code) {
        return code == null ? null : REJECTION_REASONS.getOrDefault(code, code);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
