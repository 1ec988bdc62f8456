package vn.urbanorder.photo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Removes what a failed or abandoned submission may have left in photo storage: files no photo
 * record refers to, and half-written files, once they are older than any upload could still be
 * in flight ({@code urbanorder.photos.sweep-after}). Runs every hour on every instance; the
 * per-file advisory lock in {@link Photos#forget} keeps sweeps and recordings from colliding.
 */
@Component
class PhotoSweep {

    private static final Logger log = LoggerFactory.getLogger(PhotoSweep.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final PhotoStorage storage;
    private final Photos photos;
    private final Clock clock;
    private final Duration age;
    private Disposable schedule;

    PhotoSweep(PhotoStorage storage, Photos photos, Clock clock, PhotosProperties properties) {
        this.storage = storage;
        this.photos = photos;
        this.clock = clock;
        this.age = properties.sweepAfter();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Flux.interval(Duration.ofMinutes(5), EVERY)
                .concatMap(tick -> sweep().onErrorResume(failure -> {
                    log.warn("Photo sweep failed: {}", failure.toString());
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

    /** One pass; the number of half-written files removed. */
    Mono<Long> sweep() {
        Instant cutoff = clock.instant().minus(age);
        // In batches: one query finds the unreferenced files of 500, and only those are re-checked
        // under their lock and removed.
        return storage.storedBefore(cutoff)
                .buffer(500)
                .concatMap(batch -> photos.unreferenced(batch).collectList().flatMap(photos::forget))
                .then(storage.removePartialsBefore(cutoff))
                .doOnNext(partials -> {
                    if (partials > 0) {
                        log.info("Photo sweep removed {} half-written files", partials);
                    }
                });
    }
}
