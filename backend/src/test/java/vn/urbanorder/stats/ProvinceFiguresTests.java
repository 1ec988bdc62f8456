package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.urbanorder.stats.ProvinceFigures.RankedWard;
import vn.urbanorder.stats.ProvinceFigures.Total;
import vn.urbanorder.stats.ProvinceFigures.WardRow;

/** The province's total, ranking and sentence, from rows made here. */
class ProvinceFiguresTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final StatsPeriod OCTOBER = StatsPeriod.month(YearMonth.of(2026, 10), ZONE);

    @Test
    void theTotalAddsTheRowsUpAndRecomputesItsShares() {
        Total total = ProvinceStatistics.total(List.of(
                row("A", "Phường A", new ReportCounts(12, 10, 1, 1, 4, 4, 2), 3, 1, 2, 1),
                row("B", "Phường B", new ReportCounts(6, 5, 1, 0, 1, 0, 0), 5, 4, 0, 0)));

        assertThat(total.wards()).isEqualTo(2);
        assertThat(total.counts()).isEqualTo(new ReportCounts(18, 15, 2, 1, 5, 4, 2));
        // 4 of 5, not the average of 100 % and 0 %.
        assertThat(total.counts().onTimePercent()).isEqualTo(80.0);
        assertThat(total.openAtEnd()).isEqualTo(8);
        assertThat(total.overdueAtEnd()).isEqualTo(5);
        assertThat(total.repeatPoints()).isEqualTo(2);
        assertThat(total.inspectionRounds()).isEqualTo(1);
    }

    @Test
    void wardsRankByTheRateShownThenByMoreResolvedThenByCodeAndThoseWithoutARateLast() {
        List<RankedWard> ranking = ProvinceStatistics.ranking(List.of(
                row("A", "Phường A", counts(10, 9), 0, 0, 0, 0), // 90,0 %
                row("B", "Phường B", counts(0, 0), 0, 0, 0, 0), // nothing resolved
                row("C", "Phường C", counts(20, 18), 0, 0, 0, 0), // 90,0 %, more resolved
                row("D", "Phường D", counts(3, 3), 0, 0, 0, 0), // 100,0 %
                row("E", "Phường E", counts(10, 9), 0, 0, 0, 0), // 90,0 %, as A: by code
                row("F", "Phường F", counts(1000, 899), 0, 0, 0, 0), // 89,9 %
                row("G", "Xã G", counts(0, 0), 0, 0, 0, 0)));

        assertThat(ranking).extracting(RankedWard::wardCode).containsExactly("D", "C", "A", "E", "F", "B", "G");
        assertThat(ranking).extracting(RankedWard::rank).containsExactly(1, 2, 3, 4, 5, null, null);
        assertThat(ranking).extracting(RankedWard::rated).containsExactly(true, true, true, true, true, false, false);
        assertThat(ranking.get(5).onTimePercent()).isNull();
    }

    @Test
    void theSentenceNamesTheBestAndTheWorstWard() {
        List<WardRow> rows = List.of(
                row("GT", "Phường Gia Thụy", new ReportCounts(6200, 5600, 300, 300, 5000, 4800, 100), 0, 0, 0, 0),
                row("SS", "Xã Sóc Sơn", new ReportCounts(6145, 5420, 400, 325, 4800, 3384, 80), 0, 0, 0, 0),
                row("XX", "Xã Chưa Có", ReportCounts.NONE, 0, 0, 0, 0));
        Total total = ProvinceStatistics.total(rows);

        assertThat(ProvinceSummaryText.of(OCTOBER, "Thành phố Hà Nội", total, ProvinceStatistics.ranking(rows)))
                .isEqualTo("Trong tháng 10/2026, 3 phường, xã của Thành phố Hà Nội tiếp nhận 12.345 phản ánh,"
                        + " phát hiện 11.020 vụ vi phạm trật tự đô thị; đã xử lý 9.800 vụ (88,9%), đúng hạn 83,5%;"
                        + " phường, xã có tỉ lệ đúng hạn cao nhất là Phường Gia Thụy (96,0%), thấp nhất là"
                        + " Xã Sóc Sơn (70,5%).");
    }

    @Test
    void theSentenceSaysPlainlyWhatThereIsNot() {
        var days = StatsPeriod.days(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 15), ZONE);
        List<WardRow> none = List.of(row("A", "Phường A", ReportCounts.NONE, 0, 0, 0, 0));
        assertThat(ProvinceSummaryText.of(
                        days, "Tỉnh X", ProvinceStatistics.total(none), ProvinceStatistics.ranking(none)))
                .isEqualTo("Trong thời gian từ 01/10/2026 đến 15/11/2026, 1 phường, xã của Tỉnh X tiếp nhận 0 phản ánh,"
                        + " không phát hiện vụ vi phạm trật tự đô thị nào.");

        List<WardRow> unresolved = List.of(row("A", "Phường A", new ReportCounts(3, 2, 1, 0, 0, 0, 0), 2, 0, 0, 0));
        var quarter = StatsPeriod.days(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), ZONE);
        assertThat(ProvinceSummaryText.of(
                        quarter,
                        "Tỉnh X",
                        ProvinceStatistics.total(unresolved),
                        ProvinceStatistics.ranking(unresolved)))
                .isEqualTo("Trong quý IV/2026, 1 phường, xã của Tỉnh X tiếp nhận 3 phản ánh, phát hiện 2 vụ vi phạm"
                        + " trật tự đô thị; chưa xử lý xong vụ nào.");

        List<WardRow> one = List.of(
                row("A", "Phường A", new ReportCounts(3, 3, 0, 0, 2, 1, 0), 0, 0, 0, 0),
                row("B", "Phường B", new ReportCounts(1, 1, 0, 0, 0, 0, 0), 0, 0, 0, 0));
        var year = StatsPeriod.days(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), ZONE);
        assertThat(ProvinceSummaryText.of(
                        year, "Tỉnh X", ProvinceStatistics.total(one), ProvinceStatistics.ranking(one)))
                .isEqualTo("Trong năm 2026, 2 phường, xã của Tỉnh X tiếp nhận 4 phản ánh, phát hiện 4 vụ vi phạm"
                        + " trật tự đô thị; đã xử lý 2 vụ (50,0%), đúng hạn 50,0%; chỉ Phường A (50,0%) có vụ xử lý"
                        + " xong.");
    }

    private static ReportCounts counts(long resolved, long onTime) {
        return new ReportCounts(resolved + 1, resolved + 1, 0, 0, resolved, onTime, 0);
    }

    private static WardRow row(
            String code, String name, ReportCounts counts, long open, long overdue, long points, long rounds) {
        return new WardRow(UUID.randomUUID(), code, name, counts, open, overdue, points, rounds);
    }
}
