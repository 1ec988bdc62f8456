package vn.urbanorder.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.report.NewEvent;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.workflow.ReportTransitions;
import vn.urbanorder.workflow.Transition;

/**
 * What became of a demo report before the demo started (profile "demo"): most reports older than
 * three days were taken on and resolved by their unit (some after their deadline), many of those
 * verified by the ward office, a few rejected as no violation; the rest still wait. Played through
 * {@link ReportTransitions}, as the workflow would, with the events dated when they happened, so the
 * audit trail, the statistics and the work queues all tell the same story. Resolutions carry no
 * after-photo: they are the history the demo starts from.
 */
@Component
@Profile("demo")
class DemoHistory {

    private static final UUID ADMIN = UUID.fromString("a1000000-0000-4000-8000-000000000101");

    /** The demo units' staff (R__demo_3_units.sql). */
    private static final Map<UUID, UUID> STAFF = Map.of(
            UUID.fromString("a1000000-0000-4000-8000-000000000201"),
            UUID.fromString("a1000000-0000-4000-8000-000000000105"),
            UUID.fromString("a1000000-0000-4000-8000-000000000202"),
            UUID.fromString("a1000000-0000-4000-8000-000000000106"),
            UUID.fromString("a1000000-0000-4000-8000-000000000203"),
            UUID.fromString("a1000000-0000-4000-8000-000000000107"),
            UUID.fromString("a1000000-0000-4000-8000-000000000204"),
            UUID.fromString("a1000000-0000-4000-8000-000000000108"));

    private final ReportTransitions transitions;
    private final Clock clock;

    DemoHistory(ReportTransitions transitions, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Plays the report's history, drawn from {@code random}; nothing for a report not assigned. */
    Mono<Void> play(Report report, Random random) {
        Instant now = clock.instant();
        UUID unit =
                report.assignment().unit() != null ? report.assignment().unit().id() : null;
        UUID staff = unit == null ? null : STAFF.get(unit);
        if (report.status() != ReportStatus.ASSIGNED
                || staff == null
                || report.dueAt() == null
                || report.receivedAt().isAfter(now.minus(Duration.ofDays(3)))) {
            return Mono.empty();
        }
        List<Step> steps = new ArrayList<>();
        int fate = random.nextInt(100);
        Instant received = report.receivedAt();
        if (fate < 5) {
            steps.add(new Step(
                    "REJECT",
                    ReportStatus.ASSIGNED,
                    ReportStatus.REJECTED,
                    received.plus(hours(random, 2, 20)),
                    ADMIN,
                    "Kiểm tra lại hiện trường: không có vi phạm",
                    "NOT_A_VIOLATION"));
        } else if (fate < 90) {
            Instant accepted = received.plus(hours(random, 1, 6));
            steps.add(new Step("ACCEPT", ReportStatus.ASSIGNED, ReportStatus.IN_PROGRESS, accepted, staff, null, null));
            // Most within their deadline, some after it.
            long allowed = Duration.between(received, report.dueAt()).toMinutes();
            Instant resolved = accepted.plus(Duration.ofMinutes((long) (allowed * (0.1 + random.nextDouble() * 1.0))));
            steps.add(new Step(
                    "RESOLVE",
                    ReportStatus.IN_PROGRESS,
                    ReportStatus.RESOLVED,
                    resolved,
                    staff,
                    "Đã yêu cầu chủ hộ khắc phục, hiện trường đã thông thoáng",
                    null));
            if (random.nextInt(100) < 60) {
                steps.add(new Step(
                        "VERIFY",
                        ReportStatus.RESOLVED,
                        ReportStatus.VERIFIED,
                        resolved.plus(hours(random, 2, 48)),
                        ADMIN,
                        null,
                        null));
            }
        } else if (fate < 95) {
            steps.add(new Step(
                    "ACCEPT",
                    ReportStatus.ASSIGNED,
                    ReportStatus.IN_PROGRESS,
                    received.plus(hours(random, 1, 6)),
                    staff,
                    null,
                    null));
        }
        List<Step> past = steps.stream().filter(step -> step.at().isBefore(now)).toList();
        return Flux.range(0, past.size())
                .concatMap(index -> transitions.apply(report.wardId(), transition(report, past.get(index), index)))
                .then();
    }

    private static Transition transition(Report report, Step step, int index) {
        var data = new LinkedHashMap<String, Object>();
        data.put("reason", step.reason());
        var event = new NewEvent(
                step.at(), step.actor(), step.type(), step.from(), step.to(), step.note(), NewEvent.data(data));
        // The report as it stood after the steps before this one.
        var recorded = Transition.Seen.of(report);
        var seen = new Transition.Seen(
                recorded.reportId(),
                recorded.version() + index,
                step.from(),
                recorded.locationId(),
                recorded.category());
        return switch (step.to()) {
            case RESOLVED -> Transition.resolve(seen, step.at(), event);
            case REJECTED -> Transition.reject(seen, step.reason(), null, event);
            default -> Transition.move(seen, step.to(), event);
        };
    }

    private static Duration hours(Random random, int least, int most) {
        return Duration.ofMinutes(least * 60L + random.nextInt((most - least) * 60));
    }

    private record Step(
            String type,
            ReportStatus from,
            ReportStatus to,
            Instant at,
            UUID actor,
            @Nullable String note,
            @Nullable String reason) {}
}
