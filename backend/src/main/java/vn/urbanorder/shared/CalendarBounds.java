package vn.urbanorder.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * The years a date sent to the service may fall in. Java takes years up to ±999,999,999;
 * PostgreSQL, Excel and a ward's records do not, and a year far outside this range is a slip of
 * the keyboard, not a plan: refused with a 422 on the field rather than stored as {@code infinity}
 * or failing in the database.
 */
public final class CalendarBounds {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final String MESSAGE = "Năm phải từ " + FIRST_YEAR + " đến " + LAST_YEAR + ".";

    private CalendarBounds() {}

    public static boolean contains(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean contains(Instant instant) {
        return contains(instant.atOffset(ZoneOffset.UTC).getYear());
    }

    /** The value itself (null stays null), or a 422 naming {@code field}. */
    @Contract("_, !null -> !null")
    public static @Nullable LocalDate check(String field, @Nullable LocalDate date) {
        if (date != null && !contains(date.getYear())) {
            throw refused(field);
        }
        return date;
    }

    public static OffsetDateTime check(String field, OffsetDateTime time) {
        if (time != null && !contains(time.getYear())) {
            throw refused(field);
        }
        return time;
    }

    public static Instant check(String field, Instant instant) {
        if (instant != null && !contains(instant)) {
            throw refused(field);
        }
        return instant;
    }

    /** What a person is told of a year outside the bounds. */
    public static String message() {
        return MESSAGE;
    }

    private static InvalidRequestException refused(String field) {
        return InvalidRequestException.of(field, MESSAGE);
    }
}
