package vn.urbanorder.stats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.stats.PeriodFigures.AreaRow;
import vn.urbanorder.stats.PeriodFigures.CategoryRow;
import vn.urbanorder.stats.PeriodFigures.ComparedFigure;
import vn.urbanorder.stats.PeriodFigures.PatrolRow;
import vn.urbanorder.stats.PeriodFigures.RepeatPoint;
import vn.urbanorder.stats.PeriodFigures.RoundRow;
import vn.urbanorder.stats.PeriodFigures.UnitRow;

/** The figures of a period as the tables an export file holds, with Vietnamese headers. */
final class StatsTables {

    private static final List<String> COUNT_HEADERS = List.of(
            "Phản ánh tiếp nhận",
            "Vụ vi phạm",
            "Trùng lặp",
            "Từ chối",
            "Đã xử lý",
            "Xử lý đúng hạn",
            "Tỷ lệ xử lý (%)",
            "Tỷ lệ đúng hạn (%)",
            "Vụ tái phạm");

    private StatsTables() {}

    static List<StatsTable> of(PeriodFigures figures) {
        ZoneId zone = figures.period().timeZone();
        return List.of(
                summary(figures, zone),
                categories(figures.byCategory()),
                areas("Theo tổ dân phố", "theo-to-dan-pho", "Tổ dân phố", figures.byZone()),
                areas("Theo tuyến khoán quản", "theo-tuyen", "Tuyến khoán quản", figures.bySegment()),
                units(figures.byUnit()),
                repeatPoints(figures.repeatPoints().listed(), zone),
                rounds(figures.inspectionRounds().rounds()),
                patrols(figures.patrolActivity()),
                comparison(figures));
    }

    private static StatsTable summary(PeriodFigures figures, ZoneId zone) {
        ReportCounts totals = figures.totals();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("Phường", figures.wardName()));
        rows.add(row("Kỳ báo cáo", figures.period().label()));
        rows.add(row("Từ ngày", figures.period().from()));
        rows.add(row("Đến ngày", figures.period().to()));
        rows.add(row("Lập lúc", local(figures.generatedAt(), zone)));
        rows.add(row("Tóm tắt", figures.summaryText()));
        rows.add(row("Phản ánh tiếp nhận", totals.received()));
        rows.add(row("Vụ vi phạm", totals.violations()));
        rows.add(row("Trùng lặp", totals.duplicates()));
        rows.add(row("Từ chối", totals.rejected()));
        figures.rejectedByReason().forEach(reason -> rows.add(row("Từ chối – " + reason.name(), reason.count())));
        rows.add(row("Đã xử lý", totals.resolved()));
        rows.add(row("Tỷ lệ xử lý (%)", totals.resolvedPercent()));
        rows.add(row("Xử lý đúng hạn", totals.resolvedOnTime()));
        rows.add(row("Xử lý trễ hạn", totals.resolvedLate()));
        rows.add(row("Tỷ lệ đúng hạn (%)", totals.onTimePercent()));
        rows.add(row("Chưa xử lý xong", totals.open()));
        rows.add(row("Tồn cuối kỳ (toàn phường)", figures.workloadAtEnd().open()));
        rows.add(row("Quá hạn cuối kỳ (toàn phường)", figures.workloadAtEnd().overdue()));
        rows.add(row("Vụ tái phạm", totals.repeatOffences()));
        rows.add(row("Điểm tái phạm có vi phạm trong kỳ", figures.repeatPoints().active()));
        rows.add(row("Điểm tái phạm mới trong kỳ", figures.repeatPoints().newInPeriod()));
        rows.add(row("Đợt kiểm tra", figures.inspectionRounds().count()));
        rows.add(row(
                "Phản ánh phát hiện qua đợt kiểm tra",
                figures.inspectionRounds().reportsFound()));
        rows.add(row(
                "Vụ vi phạm phát hiện qua đợt kiểm tra",
                figures.inspectionRounds().violationsFound()));
        return new StatsTable("Tổng hợp", "tong-hop", List.of("Chỉ tiêu", "Giá trị"), rows);
    }

    private static StatsTable categories(List<CategoryRow> categories) {
        List<List<Object>> rows = new ArrayList<>();
        for (CategoryRow category : categories) {
            rows.add(counted(category.counts(), category.name(), "(Cộng)"));
            category.subtypes()
                    .forEach(subtype -> rows.add(counted(subtype.counts(), category.name(), subtype.name())));
        }
        return new StatsTable("Theo lĩnh vực", "theo-linh-vuc", headers(List.of("Lĩnh vực", "Loại vi phạm")), rows);
    }

    private static StatsTable areas(String sheet, String file, String name, List<AreaRow> areas) {
        return new StatsTable(
                sheet,
                file,
                headers(List.of("Mã", name)),
                areas.stream()
                        .map(area -> counted(area.counts(), area.code(), area.name()))
                        .toList());
    }

    private static StatsTable units(List<UnitRow> units) {
        return new StatsTable(
                "Theo đơn vị",
                "theo-don-vi",
                List.of(
                        "Mã",
                        "Đơn vị",
                        "Vụ được giao",
                        "Đã xử lý",
                        "Xử lý đúng hạn",
                        "Tỷ lệ đúng hạn (%)",
                        "Trung vị giờ xử lý",
                        "Giờ xử lý (phân vị 90)",
                        "Tồn cuối kỳ",
                        "Quá hạn cuối kỳ"),
                units.stream()
                        .map(unit -> row(
                                unit.code(),
                                unit.name(),
                                unit.assigned(),
                                unit.resolved(),
                                unit.resolvedOnTime(),
                                unit.onTimePercent(),
                                unit.medianHoursToResolve(),
                                unit.p90HoursToResolve(),
                                unit.openAtEnd(),
                                unit.overdueAtEnd()))
                        .toList());
    }

    /** Every active repeat point the figures list: in a file, all of the period's. */
    private static StatsTable repeatPoints(List<RepeatPoint> points, ZoneId zone) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            RepeatPoint point = points.get(i);
            rows.add(row(
                    (long) i + 1,
                    point.categoryName(),
                    point.address(),
                    point.zoneName(),
                    new Coordinate(point.lat()),
                    new Coordinate(point.lon()),
                    point.reportsInPeriod(),
                    point.repeatOffencesInPeriod(),
                    point.reportCount(),
                    point.repeatCount(),
                    local(point.firstRepeatAt(), zone)));
        }
        return new StatsTable(
                "Điểm tái phạm",
                "diem-tai-pham",
                List.of(
                        "STT",
                        "Lĩnh vực",
                        "Địa chỉ",
                        "Tổ dân phố",
                        "Vĩ độ",
                        "Kinh độ",
                        "Vụ trong kỳ",
                        "Vụ tái phạm trong kỳ",
                        "Vụ đến hết kỳ",
                        "Vụ tái phạm đến hết kỳ",
                        "Tái phạm lần đầu"),
                rows);
    }

    private static StatsTable rounds(List<RoundRow> rounds) {
        return new StatsTable(
                "Đợt kiểm tra",
                "dot-kiem-tra",
                List.of("Đợt kiểm tra", "Từ ngày", "Đến ngày", "Bắt đầu trong kỳ", "Phản ánh", "Vụ vi phạm"),
                rounds.stream()
                        .map(round -> row(
                                round.title(),
                                round.startedOn(),
                                round.endedOn(),
                                round.startedInPeriod() ? "Có" : "Không",
                                round.reports(),
                                round.violations()))
                        .toList());
    }

    private static StatsTable patrols(List<PatrolRow> patrols) {
        return new StatsTable(
                "Tuần tra",
                "tuan-tra",
                headers(List.of("Cán bộ", "Tài khoản")),
                patrols.stream()
                        .map(patrol -> counted(patrol.counts(), patrol.name(), patrol.username()))
                        .toList());
    }

    private static StatsTable comparison(PeriodFigures figures) {
        return new StatsTable(
                "So sánh kỳ trước",
                "so-sanh-ky-truoc",
                List.of(
                        "Chỉ tiêu",
                        figures.period().label(),
                        figures.comparison().previous().label(),
                        "Chênh lệch",
                        "Thay đổi (%)"),
                figures.comparison().figures().stream()
                        .map(StatsTables::compared)
                        .toList());
    }

    /**
     * Counts as whole numbers, shares (in percent) with their decimal; a share with nothing to
     * share (no violations, none resolved: a new ward's period before) is an empty cell, not 0 %.
     * Not a conditional expression: one of Double and Long would unbox both, nulls included.
     */
    private static List<Object> compared(ComparedFigure figure) {
        if (figure.figure().share()) {
            return row(figure.name(), figure.current(), figure.previous(), figure.difference(), figure.changePercent());
        }
        return row(
                figure.name(),
                whole(figure.current()),
                whole(figure.previous()),
                whole(figure.difference()),
                figure.changePercent());
    }

    private static @Nullable Long whole(@Nullable Double value) {
        return value == null ? null : Math.round(value);
    }

    private static List<String> headers(List<String> keys) {
        var headers = new ArrayList<>(keys);
        headers.addAll(COUNT_HEADERS);
        return headers;
    }

    private static List<@Nullable Object> counted(ReportCounts counts, @Nullable Object... keys) {
        List<Object> row = new ArrayList<>(Arrays.asList(keys));
        row.addAll(Arrays.asList(
                counts.received(),
                counts.violations(),
                counts.duplicates(),
                counts.rejected(),
                counts.resolved(),
                counts.resolvedOnTime(),
                counts.resolvedPercent(),
                counts.onTimePercent(),
                counts.repeatOffences()));
        return row;
    }

    /** A row; unlike {@link List#of}, it takes nulls (empty cells). */
    static List<@Nullable Object> row(@Nullable Object... cells) {
        return Arrays.asList(cells);
    }

    static @Nullable LocalDateTime local(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone);
    }
}
