package vn.urbanorder.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Times as a ward's office reads them: the date first, on Vietnam's clock, and deadlines as time left. */
@Component
public class ConsoleFormat {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");

    private final Clock clock;
    private final MessageSource messages;

    ConsoleFormat(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    public String when(@Nullable OffsetDateTime at) {
        return at == null ? "" : WHEN.format(at.atZoneSameInstant(VIETNAM));
    }

    /** The day only, on Vietnam's clock: a ward's area takes effect from a day's start. */
    public String day(@Nullable OffsetDateTime at) {
        return at == null ? "" : DAY.format(at.atZoneSameInstant(VIETNAM));
    }

    /** Today on Vietnam's clock, as a date field takes it ({@code 2026-12-08}). */
    public String today() {
        return java.time.LocalDate.now(clock.withZone(VIETNAM)).toString();
    }

    /** "còn 5 giờ", "quá hạn 2 ngày". */
    public String countdown(@Nullable OffsetDateTime due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(clock.instant(), due.toInstant());
        long hours = Math.abs(left.toHours());
        String span = hours >= 48
                ? text("console.time.days", Math.round(hours / 24.0))
                : text("console.time.hours", Math.max(hours, 1));
        return text(left.isNegative() ? "console.deadline.over" : "console.deadline.left", span);
    }

    private String text(String key, Object argument) {
        return messages.getMessage(key, new Object[] {argument}, VIETNAMESE);
    }
}
