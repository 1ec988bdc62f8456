package vn.urbanorder.province;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import vn.urbanorder.ward.Ward;

/**
 * When a ward's service area takes effect: local midnight of a date in the ward's zone. A new
 * version of an existing ward's area does not rewrite the past: it starts neither before today
 * nor before the ward's newest version (a version starting at the same moment is replaced).
 */
final class AreaDates {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private AreaDates() {}

    static Instant start(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Why a new version of the ward's area may not start on the date; empty when it may. */
    static Optional<String> refusal(Clock clock, Ward ward, LocalDate date) {
        return date.isBefore(today(clock, ward.timeZone())) ? Optional.of(BEFORE_TODAY) : beforeNewest(ward, date);
    }

    static final String BEFORE_TODAY = "không được trước hôm nay: địa bàn đã qua không viết lại";

    /** Why the date is before the ward's newest version starts; empty when it is not. */
    static Optional<String> beforeNewest(Ward ward, LocalDate date) {
        Instant newest = ward.areas().get(ward.areas().size() - 1).validFrom();
        if (start(date, ward.timeZone()).isBefore(newest)) {
            return Optional.of("phường " + ward.code() + " đã có địa bàn từ "
                    + DAY.format(newest.atZone(ward.timeZone())) + "; ngày hiệu lực phải từ ngày đó trở đi");
        }
        return Optional.empty();
    }
}
