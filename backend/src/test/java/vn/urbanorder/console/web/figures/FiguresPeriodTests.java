package vn.urbanorder.console.web.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiguresPeriodTests {

    @Test
    void codesNameMonthsQuartersHalfYearsAndYears() {
        assertThat(FiguresPeriod.parse("2026-10"))
                .extracting(FiguresPeriod::from, FiguresPeriod::to)
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        assertThat(FiguresPeriod.parse("2026-Q4"))
                .extracting(FiguresPeriod::from, FiguresPeriod::to)
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        assertThat(FiguresPeriod.parse("2026-H1"))
                .extracting(FiguresPeriod::from, FiguresPeriod::to)
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        assertThat(FiguresPeriod.parse(" 2026 "))
                .extracting(FiguresPeriod::from, FiguresPeriod::to)
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        for (String code : new String[] {"2026-Q4", "2026-H2", "2026-02", "2026"}) {
            assertThat(FiguresPeriod.parse(code).code()).isEqualTo(code);
        }
    }

    @Test
    void anythingElseIsNoPeriod() {
        for (String code :
                new String[] {"", "2026-13", "2026-00", "2026-Q5", "2026-H3", "1999", "26-10", "2026-10-01"}) {
            assertThat(FiguresPeriod.parse(code)).as(code).isNull();
        }
        assertThat(FiguresPeriod.parse(null)).isNull();
    }

    @Test
    void theNextAndPreviousPeriodsAreAsLongAndCrossTheYear() {
        assertThat(FiguresPeriod.parse("2026-01").previous().code()).isEqualTo("2025-12");
        assertThat(FiguresPeriod.parse("2026-Q1").previous().code()).isEqualTo("2025-Q4");
        assertThat(FiguresPeriod.parse("2026-H2").next().code()).isEqualTo("2027-H1");
        assertThat(FiguresPeriod.parse("2026").previous().code()).isEqualTo("2025");
    }

    @Test
    void theDefaultIsTheLastWholeMonthAndTheListStartsWithThePeriodInProgress() {
        LocalDate today = LocalDate.of(2027, 1, 5);
        assertThat(FiguresPeriod.lastWholeMonth(today).code()).isEqualTo("2026-12");
        assertThat(FiguresPeriod.choices(today, FiguresPeriod.Kind.QUARTER, 3))
                .extracting(FiguresPeriod::code)
                .containsExactly("2027-Q1", "2026-Q4", "2026-Q3");
        assertThat(FiguresPeriod.parse("2027-02").begunBy(today)).isFalse();
    }
}
