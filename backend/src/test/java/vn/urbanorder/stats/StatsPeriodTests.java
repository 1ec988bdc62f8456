package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.urbanorder.shared.InvalidRequestException;

class StatsPeriodTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void aMonthRunsFromLocalMidnightToLocalMidnight() {
        StatsPeriod october = StatsPeriod.month("2026-10", HANOI);
        assertThat(october.start()).isEqualTo(Instant.parse("2026-09-30T17:00:00Z"));
        assertThat(october.end()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(october.label()).isEqualTo("Tháng 10/2026");
        assertThat(october.fileStem("GT")).isEqualTo("thong-ke-GT-2026-10");
        assertThat(october.previous().label()).isEqualTo("Tháng 9/2026");
        assertThat(StatsPeriod.month("2026-01", HANOI).previous().label()).isEqualTo("Tháng 12/2025");
    }

    @Test
    void quartersHalvesAndYearsAreRecognisedAndComparedWithTheOneBefore() {
        StatsPeriod q4 = days("2026-10-01", "2026-12-31");
        assertThat(q4.kind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(q4.label()).isEqualTo("Quý IV/2026");
        assertThat(q4.fileStem("GT")).isEqualTo("thong-ke-GT-2026-Q4");
        assertThat(q4.previous().label()).isEqualTo("Quý III/2026");
        assertThat(days("2026-01-01", "2026-06-30").label()).isEqualTo("6 tháng đầu năm 2026");
        assertThat(days("2026-07-01", "2026-12-31").fileStem("GT")).isEqualTo("thong-ke-GT-2026-H2");
        assertThat(days("2026-07-01", "2026-12-31").previous().label()).isEqualTo("6 tháng đầu năm 2026");
        assertThat(days("2026-01-01", "2026-12-31").label()).isEqualTo("Năm 2026");
        assertThat(days("2026-01-01", "2026-12-31").previous().label()).isEqualTo("Năm 2025");
        assertThat(days("2026-10-01", "2026-10-31").kind()).isEqualTo(PeriodKind.MONTH);
    }

    @Test
    void otherRunsOfDaysAreComparedWithAsManyDaysOrWholeMonthsBefore() {
        StatsPeriod days = days("2026-10-10", "2026-10-19");
        assertThat(days.kind()).isEqualTo(PeriodKind.DAYS);
        assertThat(days.label()).isEqualTo("Từ 10/10/2026 đến 19/10/2026");
        assertThat(days.fileStem("GT")).isEqualTo("thong-ke-GT-2026-10-10_2026-10-19");
        assertThat(days.previous().from()).isEqualTo("2026-09-30");
        assertThat(days.previous().to()).isEqualTo("2026-10-09");
        StatsPeriod twoMonths = days("2026-02-01", "2026-03-31");
        assertThat(twoMonths.previous().from()).isEqualTo("2025-12-01");
        assertThat(twoMonths.previous().to()).isEqualTo("2026-01-31");
    }

    @Test
    void backwardsOverlongAndMalformedPeriodsAreRefused() {
        assertThatThrownBy(() -> days("2026-10-02", "2026-10-01")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> days("2024-01-01", "2025-01-01")).isInstanceOf(InvalidRequestException.class);
        assertThat(days("2024-01-01", "2024-12-31").kind()).isEqualTo(PeriodKind.YEAR); // 366 days
        assertThatThrownBy(() -> StatsPeriod.month("2026-13", HANOI)).isInstanceOf(InvalidRequestException.class);
    }

    private static StatsPeriod days(String from, String to) {
        return StatsPeriod.days(LocalDate.parse(from), LocalDate.parse(to), HANOI);
    }
}
