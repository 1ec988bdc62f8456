package vn.urbanorder.console.web.figures;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriBuilder;

/**
 * A period a ward reports upward for: a calendar month, quarter, half year or year, written in
 * the page's address as {@code 2026-10}, {@code 2026-Q4}, {@code 2026-H1} or {@code 2026}.
 */
public record FiguresPeriod(Kind kind, int year, int part) {

    /** How long the period is, in months. */
    public enum Kind {
        MONTH(1),
        QUARTER(3),
        HALF_YEAR(6),
        YEAR(12);

        private final int months;

        Kind(int months) {
            this.months = months;
        }
    }

    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])|H([12])))?");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    /** The last whole month before {@code today}: the month a ward reports on. */
    public static FiguresPeriod lastWholeMonth(LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        return new FiguresPeriod(Kind.MONTH, last.getYear(), last.getMonthValue());
    }

    /** The period a code names, or null for anything else. */
    public static @Nullable FiguresPeriod parse(@Nullable String code) {
        if (code == null) {
            return null;
        }
        Matcher match = CODE.matcher(code.strip());
        if (!match.matches()) {
            return null;
        }
        int year = Integer.parseInt(match.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return null;
        }
        if (match.group(2) != null) {
            int month = Integer.parseInt(match.group(2));
            return month >= 1 && month <= 12 ? new FiguresPeriod(Kind.MONTH, year, month) : null;
        }
        if (match.group(3) != null) {
            return new FiguresPeriod(Kind.QUARTER, year, Integer.parseInt(match.group(3)));
        }
        if (match.group(4) != null) {
            return new FiguresPeriod(Kind.HALF_YEAR, year, Integer.parseInt(match.group(4)));
        }
        return new FiguresPeriod(Kind.YEAR, year, 1);
    }

    public String code() {
        return switch (kind) {
            case MONTH -> YearMonth.of(year, part).toString();
            case QUARTER -> year + "-Q" + part;
            case HALF_YEAR -> year + "-H" + part;
            case YEAR -> String.valueOf(year);
        };
    }

    YearMonth firstMonth() {
        return YearMonth.of(year, (part - 1) * kind.months + 1);
    }

    public LocalDate from() {
        return firstMonth().atDay(1);
    }

    public LocalDate to() {
        return firstMonth().plusMonths(kind.months - 1L).atEndOfMonth();
    }

    /** The period of the same length just before (the API compares with it). */
    public FiguresPeriod previous() {
        return starting(firstMonth().minusMonths(kind.months));
    }

    public FiguresPeriod next() {
        return starting(firstMonth().plusMonths(kind.months));
    }

    private FiguresPeriod starting(YearMonth first) {
        return new FiguresPeriod(kind, first.getYear(), (first.getMonthValue() - 1) / kind.months + 1);
    }

    /** Whether it has begun by {@code today} (a later one has no figures yet). */
    public boolean begunBy(LocalDate today) {
        return !from().isAfter(today);
    }

    /** The API's figures: the monthly document for a month, the period's otherwise. */
    URI figures(UriBuilder uri) {
        if (kind == Kind.MONTH) {
            return uri.path("/api/v1/stats/monthly").queryParam("month", code()).build();
        }
        return uri.path("/api/v1/stats")
                .queryParam("from", from())
                .queryParam("to", to())
                .build();
    }

    /** The API's file of the period in a format. */
    URI export(UriBuilder uri, ReportFormat format) {
        if (kind == Kind.MONTH) {
            return uri.path("/api/v1/stats/monthly/{month}/export")
                    .queryParam("format", format.code())
                    .build(code());
        }
        return uri.path("/api/v1/stats/export")
                .queryParam("from", from())
                .queryParam("to", to())
                .queryParam("format", format.code())
                .build();
    }

    /** The periods offered to choose from, latest first: months, quarters, half years, years up to {@code today}. */
    static List<FiguresPeriod> choices(LocalDate today, Kind kind, int howMany) {
        YearMonth now = YearMonth.from(today);
        FiguresPeriod current = new FiguresPeriod(kind, now.getYear(), 1).containing(now);
        List<FiguresPeriod> found = new ArrayList<>();
        for (FiguresPeriod period = current; found.size() < howMany; period = period.previous()) {
            found.add(period);
        }
        return found;
    }

    /** The message that names it, as ward reports do ("Tháng 10/2026", "Quý IV/2026"). */
    String labelKey() {
        return switch (kind) {
            case MONTH -> "console.figures.period.month";
            case QUARTER -> "console.figures.period.quarter";
            case HALF_YEAR -> part == 1 ? "console.figures.period.firstHalf" : "console.figures.period.secondHalf";
            case YEAR -> "console.figures.period.year";
        };
    }

    /** The name's parts, as text (a number would be formatted with a thousands dot). */
    Object[] labelArgs() {
        String number = kind == Kind.QUARTER ? ROMAN[part - 1] : String.valueOf(part);
        return new Object[] {number, String.valueOf(year)};
    }

    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private FiguresPeriod containing(YearMonth month) {
        return new FiguresPeriod(kind, month.getYear(), (month.getMonthValue() - 1) / kind.months + 1);
    }
}
