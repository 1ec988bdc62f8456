package vn.urbanorder.stats;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every hour, on every instance, keeps the workload at each ward's last month end (see {@link
 * WorkloadAtEnd}); a snapshot already kept is not read again, and two instances keeping the same
 * one write it once.
 */
@Component
class WorkloadSnapshots {

    private static final Logger log = LoggerFactory.getLogger(WorkloadSnapshots.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final WorkloadAtEnd workload;
    private @Nullable Disposable schedule;

    WorkloadSnapshots(WorkloadAtEnd workload) {
        this.workload = workload;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Flux.interval(Duration.ofMinutes(2), EVERY)
                .concatMap(tick -> workload.keepLastMonthEnds().onErrorResume(failure -> {
                    log.warn("Keeping last month's workload failed: {}", failure.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
