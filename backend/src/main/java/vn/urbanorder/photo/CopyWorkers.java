package vn.urbanorder.photo;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.ProblemException;

/**
 * Where viewer copies are made: a small pool of threads of their own ({@code
 * urbanorder.photos.copies.workers}, one by default), off the event loops and off the bounded
 * elastic scheduler, so that decoding photos never holds up a request or the rest of the service.
 * A job is the whole making of one photo's copies (fetching the original, decoding, storing the
 * copies), and only as many jobs run at once as there are workers; others wait in a queue of
 * {@code urbanorder.photos.copies.queue} places. Past that a job is refused at once ({@link
 * #busy}): memory and disk stay bounded however many photos arrive.
 */
@Component
class CopyWorkers implements DisposableBean {

    /** Far longer than any photo takes; only a storage that stopped answering gets there. */
    private static final Duration LONGEST_JOB = Duration.ofMinutes(5);

    private final ExecutorService threads;
    private final Semaphore places;
    private final Sinks.Many<Mono<Void>> jobs = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable running;

    CopyWorkers(CopyProperties properties) {
        // The decoders of the class path (TwelveMonkeys JPEG and WebP), found with this class
        // loader, before any worker thread asks ImageIO for one.
        ImageIO.scanForPlugins();
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(properties.workers(), work -> {
            Thread thread = new Thread(work, "photo-copies-" + count.incrementAndGet());
            thread.setDaemon(true);
            // Requests come first; copies can wait a moment.
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
        this.places = new Semaphore(properties.workers() + properties.queue());
        this.running = jobs.asFlux()
                .flatMap(job -> job.onErrorResume(failure -> Mono.empty()), properties.workers())
                .subscribe();
    }

    /**
     * Runs the job when a worker is free and answers its outcome; {@link #busy} at once when every
     * worker and every place in the queue is taken. The job goes on when its caller goes away.
     */
    <T> Mono<T> submit(Supplier<Mono<T>> job) {
        return Mono.defer(() -> {
            if (!places.tryAcquire()) {
                return Mono.error(busy());
            }
            Sinks.One<T> outcome = Sinks.one();
            Mono<Void> queued = Mono.defer(job)
                    .timeout(LONGEST_JOB)
                    .doOnNext(outcome::tryEmitValue)
                    .doOnError(outcome::tryEmitError)
                    .doOnSuccess(value -> {
                        if (value == null) {
                            outcome.tryEmitEmpty();
                        }
                    })
                    .doOnCancel(() -> outcome.tryEmitError(new IllegalStateException("The copy workers stopped")))
                    .doFinally(signal -> places.release())
                    .then();
            Sinks.EmitResult emitted;
            synchronized (jobs) { // one emitter at a time; no waiting happens inside
                emitted = jobs.tryEmitNext(queued);
            }
            if (emitted.isFailure()) {
                places.release();
                return Mono.error(new IllegalStateException("The copy workers stopped: " + emitted));
            }
            return outcome.asMono();
        });
    }

    /** Runs the blocking, CPU-bound part of a job on a worker thread. */
    <T> Mono<T> compute(Callable<T> work) {
        return Mono.defer(() -> {
                    CompletableFuture<T> result = new CompletableFuture<>();
                    threads.execute(() -> {
                        try {
                            result.complete(work.call());
                        } catch (Throwable failure) {
                            result.completeExceptionally(failure);
                        }
                    });
                    // Not cancelled with its caller: a decoder cannot be stopped halfway anyway.
                    return Mono.fromFuture(result, true);
                })
                // Handing work to the pool takes its queue's lock: never on an event loop.
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Every worker and every place in the queue is taken. */
    static ProblemException busy() {
        return ProblemException.serviceUnavailable(
                "Hệ thống đang tạo nhiều ảnh xem trước; hãy thử lại sau ít giây.", Duration.ofSeconds(5));
    }

    @Override
    public void destroy() {
        running.dispose();
        threads.shutdownNow();
    }
}
