package vn.urbanorder.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The tables {@code deadline_policy}, {@code deadline_hours} and {@code public_holiday}, by ward. */
@Repository
class DeadlineStore {

    private final DatabaseClient database;

    DeadlineStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<DeadlineCalendar> calendar(UUID wardId) {
        return database.sql("SELECT calendar FROM deadline_policy WHERE ward_id = :ward")
                .bind("ward", wardId)
                .map(row -> DeadlineCalendar.valueOf(row.get("calendar", String.class)))
                .one()
                .defaultIfEmpty(DeadlineCalendar.WORKING_DAYS);
    }

    Mono<Map<String, Integer>> hours(UUID wardId) {
        return database.sql("SELECT category, hours FROM deadline_hours WHERE ward_id = :ward")
                .bind("ward", wardId)
                .map(row -> Map.entry(row.get("category", String.class), row.get("hours", Integer.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Flux<Holiday> holidays(UUID wardId) {
        return database.sql("SELECT day, name FROM public_holiday WHERE ward_id = :ward ORDER BY day")
                .bind("ward", wardId)
                .map(row -> new Holiday(row.get("day", LocalDate.class), row.get("name", String.class)))
                .all();
    }

    /** Replaces the ward's whole policy; call in a transaction. */
    Mono<Void> replace(
            UUID wardId, DeadlineCalendar calendar, Map<String, Integer> hours, List<Holiday> holidays, Instant now) {
        Mono<Void> policy = database.sql("INSERT INTO deadline_policy (ward_id, calendar, updated_at)"
                        + " VALUES (:ward, :calendar, :now) ON CONFLICT (ward_id)"
                        + " DO UPDATE SET calendar = :calendar, updated_at = :now")
                .bind("ward", wardId)
                .bind("calendar", calendar.name())
                .bind("now", now)
                .then();
        Mono<Void> clear = database.sql("DELETE FROM deadline_hours WHERE ward_id = :ward")
                .bind("ward", wardId)
                .then()
                .then(database.sql("DELETE FROM public_holiday WHERE ward_id = :ward")
                        .bind("ward", wardId)
                        .then());
        var categories = hours.keySet().stream().sorted().toList();
        Mono<Void> insertHours = categories.isEmpty()
                ? Mono.empty()
                : database.sql("INSERT INTO deadline_hours (ward_id, category, hours)"
                                + " SELECT :ward, category, hours FROM unnest(:categories::text[], :hours::int[])"
                                + " AS t(category, hours)")
                        .bind("ward", wardId)
                        .bind("categories", categories.toArray(String[]::new))
                        .bind("hours", categories.stream().map(hours::get).toArray(Integer[]::new))
                        .then();
        Mono<Void> insertHolidays = holidays.isEmpty()
                ? Mono.empty()
                : database.sql("INSERT INTO public_holiday (ward_id, day, name)"
                                + " SELECT :ward, day, name FROM unnest(:days::date[], :names::text[]) AS t(day, name)")
                        .bind("ward", wardId)
                        .bind("days", holidays.stream().map(Holiday::day).toArray(LocalDate[]::new))
                        .bind("names", holidays.stream().map(Holiday::name).toArray(String[]::new))
                        .then();
        return policy.then(clear).then(insertHours).then(insertHolidays);
    }
}
