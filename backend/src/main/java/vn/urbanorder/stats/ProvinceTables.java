package vn.urbanorder.stats;

import static vn.urbanorder.stats.StatsTables.local;
import static vn.urbanorder.stats.StatsTables.row;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.stats.ProvinceFigures.RankedWard;
import vn.urbanorder.stats.ProvinceFigures.Total;
import vn.urbanorder.stats.ProvinceFigures.WardRow;

/**
 * The province's figures as the tables of its file, with Vietnamese headers: the summary, one row
 * per ward with the total row, and the ranking. The labels are those of the ward's own file.
 */
final class ProvinceTables {

    static final String SUMMARY = "Tổng hợp";
    /** No comma: a sheet name with one breaks readers of its print titles (POI among them). */
    static final String BY_WARD = "Theo phường xã";

    static final String RANKING = "Xếp hạng";
    static final String TOTAL_ROW = "Toàn tỉnh, thành phố";
    static final String NOT_RANKED = "Chưa có vụ xử lý xong trong kỳ, không xếp hạng";

    private static final List<String> WARD_HEADERS = List.of(
            "Mã",
            "Phường, xã",
            "Phản ánh tiếp nhận",
            "Vụ vi phạm",
            "Trùng lặp",
            "Từ chối",
            "Đã xử lý",
            "Tỷ lệ xử lý (%)",
            "Xử lý đúng hạn",
            "Tỷ lệ đúng hạn (%)",
            "Vụ tái phạm",
            "Tồn cuối kỳ",
            "Quá hạn cuối kỳ",
            "Điểm tái phạm",
            "Đợt kiểm tra");

    private ProvinceTables() {}

    static List<StatsTable> of(ProvinceFigures figures) {
        return List.of(summary(figures), wards(figures), ranking(figures.ranking()));
    }

    private static StatsTable summary(ProvinceFigures figures) {
        Total total = figures.total();
        ReportCounts counts = total.counts();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Tỉnh, thành phố", figures.provinceName()));
        rows.add(row("Kỳ báo cáo", figures.period().label()));
        rows.add(row("Từ ngày", figures.period().from()));
        rows.add(row("Đến ngày", figures.period().to()));
        rows.add(row("Lập lúc", local(figures.generatedAt(), figures.period().timeZone())));
        rows.add(row("Tóm tắt", figures.summaryText()));
        rows.add(row("Số phường, xã", (long) total.wards()));
        rows.add(row("Phản ánh tiếp nhận", counts.received()));
        rows.add(row("Vụ vi phạm", counts.violations()));
        rows.add(row("Trùng lặp", counts.duplicates()));
        rows.add(row("Từ chối", counts.rejected()));
        rows.add(row("Đã xử lý", counts.resolved()));
        rows.add(row("Tỷ lệ xử lý (%)", counts.resolvedPercent()));
        rows.add(row("Xử lý đúng hạn", counts.resolvedOnTime()));
        rows.add(row("Xử lý trễ hạn", counts.resolvedLate()));
        rows.add(row("Tỷ lệ đúng hạn (%)", counts.onTimePercent()));
        rows.add(row("Chưa xử lý xong", counts.open()));
        rows.add(row("Tồn cuối kỳ (toàn tỉnh)", total.openAtEnd()));
        rows.add(row("Quá hạn cuối kỳ (toàn tỉnh)", total.overdueAtEnd()));
        rows.add(row("Vụ tái phạm", counts.repeatOffences()));
        rows.add(row("Điểm tái phạm có vi phạm trong kỳ", total.repeatPoints()));
        rows.add(row("Đợt kiểm tra", total.inspectionRounds()));
        return new StatsTable(SUMMARY, "tong-hop", List.of("Chỉ tiêu", "Giá trị"), rows);
    }

    private static StatsTable wards(ProvinceFigures figures) {
        List<List<Object>> rows = new ArrayList<>();
        for (WardRow ward : figures.wards()) {
            rows.add(figuresRow(
                    ward.wardCode(),
                    ward.wardName(),
                    ward.counts(),
                    ward.openAtEnd(),
                    ward.overdueAtEnd(),
                    ward.repeatPoints(),
                    ward.inspectionRounds()));
        }
        Total total = figures.total();
        rows.add(figuresRow(
                null,
                TOTAL_ROW,
                total.counts(),
                total.openAtEnd(),
                total.overdueAtEnd(),
                total.repeatPoints(),
                total.inspectionRounds()));
        return new StatsTable(BY_WARD, "theo-phuong-xa", WARD_HEADERS, rows);
    }

    private static List<@Nullable Object> figuresRow(
            @Nullable String code,
            String name,
            ReportCounts counts,
            long openAtEnd,
            long overdueAtEnd,
            long repeatPoints,
            long rounds) {
        return row(
                code,
                name,
                counts.received(),
                counts.violations(),
                counts.duplicates(),
                counts.rejected(),
                counts.resolved(),
                counts.resolvedPercent(),
                counts.resolvedOnTime(),
                counts.onTimePercent(),
                counts.repeatOffences(),
                openAtEnd,
                overdueAtEnd,
                repeatPoints,
                rounds);
    }

    private static StatsTable ranking(List<RankedWard> ranking) {
        return new StatsTable(
                RANKING,
                "xep-hang",
                List.of("Hạng", "Mã", "Phường, xã", "Tỷ lệ đúng hạn (%)", "Đã xử lý", "Xử lý đúng hạn", "Ghi chú"),
                ranking.stream()
                        .map(ward -> row(
                                ward.rank() == null ? null : (long) ward.rank(),
                                ward.wardCode(),
                                ward.wardName(),
                                ward.onTimePercent(),
                                ward.resolved(),
                                ward.resolvedOnTime(),
                                ward.rated() ? null : NOT_RANKED))
                        .toList());
    }
}
