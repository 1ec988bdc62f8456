package vn.urbanorder.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.InvalidRequestException;

/**
 * A period of whole days, {@code from} to {@code to} both included, in the ward's calendar. A
 * report belongs to the period its observation time falls in, read in the ward's time zone.
 */
public record StatsPeriod(PeriodKind kind, LocalDate from, LocalDate to, ZoneId timeZone) {

    /** The longest period one request covers. */
    public static final int MAX_DAYS = 366;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    public static StatsPeriod month(YearMonth month, ZoneId timeZone) {
        return new StatsPeriod(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth(), timeZone);
    }

    /** Parses {@code YYYY-MM}; 422 on {@code field} otherwise. */
    public static StatsPeriod month(String month, ZoneId timeZone) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("month", "Tháng phải có dạng YYYY-MM, ví dụ 2026-10.");
        }
        if (!CalendarBounds.contains(parsed.getYear())) {
            throw InvalidRequestException.of("month", CalendarBounds.message());
        }
        return month(parsed, timeZone);
    }

    /** Any run of days, recognised as a month, quarter, half year or year when it is one; 422 otherwise. */
    public static StatsPeriod days(LocalDate from, LocalDate to, ZoneId timeZone) {
        CalendarBounds.check("from", from);
        CalendarBounds.check("to", to);
        if (to.isBefore(from)) {
            throw InvalidRequestException.of("to", "Ngày cuối không được trước ngày đầu.");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw InvalidRequestException.of("to", "Một lần thống kê được tối đa " + MAX_DAYS + " ngày.");
        }
        return new StatsPeriod(kindOf(from, to), from, to, timeZone);
    }

    private static PeriodKind kindOf(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth())) {
            return PeriodKind.DAYS;
        }
        long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        int startMonth = from.getMonthValue();
        if (months == 1) {
            return PeriodKind.MONTH;
        }
        if (months == 3 && startMonth % 3 == 1) {
            return PeriodKind.QUARTER;
        }
        if (months == 6 && startMonth % 6 == 1) {
            return PeriodKind.HALF_YEAR;
        }
        if (months == 12 && startMonth == 1) {
            return PeriodKind.YEAR;
        }
        return PeriodKind.DAYS;
    }

    /** The first instant of the period. */
    public Instant start() {
        return from.atStartOfDay(timeZone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(timeZone).toInstant();
    }

    /** Whether the period runs over whole calendar months. */
    private boolean wholeMonths() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
    }

    /** The period just before, as long: as many whole months, or as many days. */
    public StatsPeriod previous() {
        if (wholeMonths()) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            YearMonth first = YearMonth.from(from).minusMonths(months);
            return new StatsPeriod(
                    kind, first.atDay(1), YearMonth.from(from).minusMonths(1).atEndOfMonth(), timeZone);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new StatsPeriod(kind, from.minusDays(days), from.minusDays(1), timeZone);
    }

    /** Its Vietnamese name, as ward reports write it: "Tháng 10/2026", "Quý IV/2026", "Năm 2026". */
    public String label() {
        return switch (kind) {
            case MONTH -> "Tháng " + from.getMonthValue() + "/" + from.getYear();
            case QUARTER -> "Quý " + ROMAN[(from.getMonthValue() - 1) / 3] + "/" + from.getYear();
            case HALF_YEAR -> (from.getMonthValue() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + from.getYear();
            case YEAR -> "Năm " + from.getYear();
            case DAYS -> "Từ " + DAY.format(from) + " đến " + DAY.format(to);
        };
    }

    /** The export file's name without extension: thong-ke-GT-2026-10, -2026-Q4, -2026-H1, -2026. */
    public String fileStem(String wardCode) {
        return fileStem("thong-ke", wardCode);
    }

    /** A file's name without extension, for a kind of file: bao-cao-GT-2026-10. */
    public String fileStem(String file, String wardCode) {
        String period =
                switch (kind) {
                    case MONTH -> YearMonth.from(from).toString();
                    case QUARTER -> from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
                    case HALF_YEAR -> from.getYear() + "-H" + (from.getMonthValue() == 1 ? 1 : 2);
                    case YEAR -> String.valueOf(from.getYear());
                    case DAYS -> from + "_" + to;
                };
        return file + "-" + wardCode + "-" + period;
    }
}
