package vn.urbanorder.photo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Removes what abandoned submissions of this installation left in photo storage: files they
 * staged and whose report was never recorded, once they are older than any upload could still
 * be in flight ({@code urbanorder.photos.sweep-after}), half-written files of theirs, and uploads
 * a crash left in the incoming folder ({@link IncomingPhotos}). It goes
 * by this installation's staging rows only and never lists the storage, so a file another
 * installation or database keeps in the same folder is never touched. Runs every hour on every
 * instance; the per-file advisory lock in {@link Photos#discard} keeps sweeps and recordings from
 * colliding.
 */
@Component
class PhotoSweep {

    private static final Logger log = LoggerFactory.getLogger(PhotoSweep.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final PhotoStaging staging;
    private final IncomingPhotos incoming;
    private final Photos photos;
    private final Clock clock;
    private final Duration age;
    private @Nullable Disposable schedule;

    PhotoSweep(PhotoStaging staging, Photos photos, IncomingPhotos incoming, Clock clock, PhotosProperties properties) {
        this.staging = staging;
        this.incoming = incoming;
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

    /** One pass; the number of abandoned stagings it ended. */
    Mono<Long> sweep() {
        Instant cutoff = clock.instant().minus(age);
        return Mono.fromRunnable(incoming::removeLeftovers)
                .subscribeOn(Schedulers.boundedElastic())
                .thenMany(staging.before(cutoff))
                .concatMap(entry -> photos.discard(entry.id(), entry.sha256())
                        .thenReturn(entry)
                        .onErrorResume(failure -> {
                            log.warn(
                                    "Could not remove the abandoned photo file {}: {}",
                                    entry.sha256(),
                                    failure.toString());
                            return Mono.empty();
                        }))
                .count()
                .doOnNext(ended -> {
                    if (ended > 0) {
                        log.info("Photo sweep ended {} abandoned photo stagings", ended);
                    }
                });
    }
}
