package vn.urbanorder.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.ProblemException;

/**
 * The export files one instance builds at once, and the life of each. A build holds its slot from
 * the moment it is admitted until its file is handed over or deleted, and however it ends (built,
 * failed, or abandoned at any moment, even while its file is still being created) it closes its
 * writer after any call in flight, deletes its file unless it was handed over, and only then gives
 * its slot back. So no abandoned download can keep a slot or leave a file.
 */
final class ExportSlots {

    private static final Logger log = LoggerFactory.getLogger(ExportSlots.class);

    /** Makes the writer of a new, empty file; blocks (file input and output). */
    interface Writers {
        ExportWriter create(FileFormat format, Path file) throws IOException;
    }

    /** A built file, now its receiver's to delete once sent. */
    record Built(Path path, long reports) {}

    private final Path folder;
    private final Semaphore slots;
    private final Writers writers;

    ExportSlots(Path folder, int size, Writers writers) {
        this.folder = folder;
        this.slots = new Semaphore(size);
        this.writers = writers;
    }

    /** Slots free now. */
    int free() {
        return slots.availablePermits();
    }

    /**
     * Builds a file in a slot, or answers 503 with Retry-After when none is free. {@code write} gets
     * the writer with the report list begun, and emits how many reports it wrote once it has
     * finished the file; the file is handed over with that value, and is its receiver's from then on.
     * Nothing asynchronous may follow the hand-over, so a value that leaves here reaches the
     * subscriber, and a cancelled build's file is always this class's to delete. A build abandoned
     * before its hand-over completes empty, even if its work failed meanwhile.
     */
    Mono<Built> build(FileFormat format, Function<ExportWriter, Mono<Long>> write) {
        return build(format, ReportLine.HEADERS, write);
    }

    /**
     * As {@link #build(FileFormat, Function)}, for a file of section tables alone (no list of
     * reports): {@code write} gets the writer with nothing begun.
     */
    Mono<Built> buildTables(FileFormat format, Function<ExportWriter, Mono<Long>> write) {
        return build(format, null, write);
    }

    private Mono<Built> build(
            FileFormat format, @Nullable List<String> reportHeaders, Function<ExportWriter, Mono<Long>> write) {
        return Mono.defer(() -> {
            if (!slots.tryAcquire()) {
                return Mono.error(busy());
            }
            var build = new Build(format, reportHeaders);
            return Mono.fromCallable(build::open)
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(write)
                    // What fails once abandoned (a write into the closed writer, one cut short by
                    // the cancelled thread's interrupt) is nobody's news, and no error to log.
                    .onErrorResume(failure -> build.abandoned() ? Mono.empty() : Mono.error(failure))
                    .<Built>handle((reports, sink) -> build.handOver(reports, sink::next))
                    .doOnCancel(build::abandon)
                    .doFinally(signal -> Schedulers.boundedElastic().schedule(build::end));
        });
    }

    /**
     * Builds a file in memory in a slot, or answers 503 with Retry-After when none is free: for a
     * document made from {@code input} by {@code build}, which blocks a thread and cannot be stopped
     * once begun. The slot is given back when the build ends, even when the request is abandoned
     * while it runs (so abandoned downloads cannot run more builds at once than there are slots);
     * abandoned before the build begins, at once, and the build never starts.
     */
    <F, T> Mono<T> inSlot(Mono<F> input, Function<F, T> build) {
        return Mono.defer(() -> {
            if (!slots.tryAcquire()) {
                return Mono.error(busy());
            }
            var state = new AtomicInteger(WAITING);
            return input.publishOn(Schedulers.boundedElastic())
                    .map(value -> {
                        if (!state.compareAndSet(WAITING, BUILDING)) {
                            throw new CancellationException("abandoned before the build began");
                        }
                        try {
                            return build.apply(value);
                        } finally {
                            state.set(ENDED);
                            slots.release();
                        }
                    })
                    .doFinally(signal -> {
                        if (state.compareAndSet(WAITING, ENDED)) {
                            slots.release();
                        }
                    });
        });
    }

    private static final int WAITING = 0;
    private static final int BUILDING = 1;
    private static final int ENDED = 2;

    private static ProblemException busy() {
        return ProblemException.serviceUnavailable(
                "Máy chủ đang lập nhiều tệp thống kê cùng lúc; vui lòng thử lại sau ít giây.", Duration.ofSeconds(5));
    }

    private enum State {
        BUILDING,
        HANDED_OVER,
        ENDED
    }

    /** One build: its file and writer, holding one slot. */
    private final class Build {

        private final FileFormat format;
        /** The report list's headers, begun when the file is made; null for a file of tables alone. */
        private final @Nullable List<String> reportHeaders;
        /** Opening and ending exclude each other, so an end during the opening waits for it. */
        private final ReentrantLock lock = new ReentrantLock();

        private final AtomicReference<State> state = new AtomicReference<>(State.BUILDING);
        private final AtomicBoolean holdsSlot = new AtomicBoolean(true);
        private volatile @Nullable Path path;
        private volatile @Nullable GuardedWriter writer;

        Build(FileFormat format, @Nullable List<String> reportHeaders) {
            this.format = format;
            this.reportHeaders = reportHeaders;
        }

        /** Makes the file and its writer, with the report list begun if any; refuses once the build ended. */
        ExportWriter open() throws IOException {
            lock.lock();
            try {
                if (state.get() != State.BUILDING) {
                    throw new IllegalStateException("The export was abandoned before its file was made");
                }
                Files.createDirectories(folder);
                path = Files.createTempFile(folder, "export-", format.extension());
                GuardedWriter opened = new GuardedWriter(writers.create(format, path));
                writer = opened;
                if (reportHeaders != null) {
                    opened.startReports(reportHeaders);
                }
                return opened;
            } finally {
                lock.unlock();
            }
        }

        /**
         * The finished file becomes the receiver's, and the slot is free for the next build; an
         * abandoned build hands nothing over.
         */
        void handOver(long reports, Consumer<Built> receiver) {
            if (state.compareAndSet(State.BUILDING, State.HANDED_OVER)) {
                freeSlot();
                receiver.accept(new Built(Objects.requireNonNull(path, "opened before it is handed over"), reports));
            }
        }

        /** The receiver left: nothing is handed over from now on, and the file will go. */
        void abandon() {
            state.compareAndSet(State.BUILDING, State.ENDED);
        }

        boolean abandoned() {
            return state.get() == State.ENDED;
        }

        /** However the build ended: closes the writer, deletes a file not handed over, frees the slot. */
        void end() {
            lock.lock();
            try {
                boolean handedOver =
                        state.getAndUpdate(now -> now == State.HANDED_OVER ? now : State.ENDED) == State.HANDED_OVER;
                if (writer != null) {
                    try {
                        writer.close();
                    } catch (IOException | RuntimeException e) {
                        log.warn("Could not close an export's writer", e);
                    }
                }
                if (!handedOver && path != null) {
                    StatsExports.deleteQuietly(path);
                }
            } finally {
                lock.unlock();
                freeSlot();
            }
        }

        private void freeSlot() {
            if (holdsSlot.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }
}
