package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import vn.urbanorder.shared.ProblemException;

/** However a build ends, and at whatever moment it is abandoned, its slot comes back and its file goes. */
class ExportSlotsIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aBuildAbandonedWhileItsFileIsBeingOpenedFreesItsSlotAndLeavesNoFile() throws Exception {
        var opening = new CountDownLatch(1);
        var mayOpen = new CountDownLatch(1);
        var writers = new AtomicInteger();
        var slots = new ExportSlots(folder, 1, (format, file) -> {
            opening.countDown();
            await(mayOpen);
            writers.incrementAndGet();
            return new StubWriter();
        });

        Disposable download =
                slots.build(FileFormat.CSV, writer -> Mono.just(0L)).subscribe();
        assertThat(opening.await(5, TimeUnit.SECONDS)).isTrue();
        download.dispose();
        mayOpen.countDown();

        eventually(() -> slots.free() == 1 && empty(folder));
        assertThat(writers).hasValue(1);
        buildsAgain(slots);
    }

    @Test
    void aBuildAbandonedAsSoonAsItIsAdmittedFreesItsSlotAndLeavesNoFile() throws Exception {
        var slots = new ExportSlots(folder, 1, (format, file) -> new StubWriter());

        slots.build(FileFormat.CSV, writer -> Mono.just(0L)).subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                cancel();
            }
        });

        eventually(() -> slots.free() == 1 && empty(folder));
        buildsAgain(slots);
    }

    @Test
    void aBuildAbandonedWhileWritingClosesItsWriterAfterTheBatchThenDeletesItsFile() throws Exception {
        var writing = new CountDownLatch(1);
        var mayWrite = new CountDownLatch(1);
        var writer = new StubWriter() {
            @Override
            public void report(List<Object> cells) {
                writing.countDown();
                await(mayWrite);
                super.report(cells);
            }
        };
        var slots = new ExportSlots(folder, 1, (format, file) -> writer);

        Disposable download = slots.build(FileFormat.XLSX, open -> Mono.fromCallable(() -> {
                            open.report(List.of("GT-2026-000001"));
                            return 1L;
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .subscribe();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        download.dispose();
        Thread.sleep(100);
        assertThat(writer.closed).as("closed while a row was being written").isFalse();
        assertThat(slots.free()).as("the slot is held until the file is gone").isZero();
        mayWrite.countDown();

        eventually(() -> slots.free() == 1 && empty(folder));
        assertThat(writer.closed).isTrue();
        assertThat(writer.rows).isEqualTo(1);
        buildsAgain(slots);
    }

    @Test
    void aFailedBuildDeletesItsFileAndFreesItsSlot() throws Exception {
        var slots = new ExportSlots(folder, 1, (format, file) -> new StubWriter());

        StepVerifier.create(slots.build(FileFormat.CSV, writer -> Mono.error(new IOException("disk full"))))
                .expectError(IOException.class)
                .verify(Duration.ofSeconds(5));

        eventually(() -> slots.free() == 1 && empty(folder));
    }

    @Test
    void aWriterThatCannotBeMadeLeavesNoFile() throws Exception {
        var slots = new ExportSlots(folder, 1, (format, file) -> {
            throw new IOException("no space left");
        });

        StepVerifier.create(slots.build(FileFormat.CSV, writer -> Mono.just(0L)))
                .expectError(IOException.class)
                .verify(Duration.ofSeconds(5));

        eventually(() -> slots.free() == 1 && empty(folder));
    }

    @Test
    void aBuiltFileIsHandedOverWithItsSlotFreedAtOnce() throws Exception {
        var writer = new StubWriter();
        var slots = new ExportSlots(folder, 1, (format, file) -> writer);

        ExportSlots.Built built = slots.build(FileFormat.CSV, open -> Mono.fromCallable(() -> {
                            open.finish();
                            return 7L;
                        })
                        .subscribeOn(Schedulers.boundedElastic()))
                .doOnNext(handedOver -> assertThat(slots.free()).isEqualTo(1))
                .block(Duration.ofSeconds(5));

        assertThat(built.reports()).isEqualTo(7);
        assertThat(built.path()).exists().hasParent(folder);
        eventually(() -> writer.closed);
        assertThat(built.path()).as("the receiver's to delete").exists();
    }

    @Test
    void noFreeSlotIsAProblemToRetryLater() {
        var slots = new ExportSlots(folder, 0, (format, file) -> new StubWriter());

        StepVerifier.create(slots.build(FileFormat.CSV, writer -> Mono.just(0L)))
                .expectErrorSatisfies(failure -> {
                    assertThat(((ProblemException) failure).getStatusCode().value())
                            .isEqualTo(503);
                    assertThat(((ProblemException) failure).getHeaders().getFirst("Retry-After"))
                            .isEqualTo("5");
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aDocumentBuiltInMemoryTakesASlotWhileItIsBuiltAndGivesItBackHoweverItEnds() throws Exception {
        var slots = new ExportSlots(folder, 1, (format, file) -> new StubWriter());

        Disposable waiting = slots.inSlot(Mono.never(), Function.identity()).subscribe();
        assertThat(slots.free()).isZero();
        StepVerifier.create(slots.inSlot(Mono.just("second"), Function.identity()))
                .expectErrorSatisfies(failure -> assertThat(
                                ((ProblemException) failure).getStatusCode().value())
                        .isEqualTo(503))
                .verify(Duration.ofSeconds(5));
        waiting.dispose(); // abandoned before its build began
        assertThat(slots.free()).isEqualTo(1);

        StepVerifier.create(slots.inSlot(Mono.just("built"), Function.identity()))
                .expectNext("built")
                .verifyComplete();
        StepVerifier.create(slots.inSlot(Mono.error(new IOException("failed")), Function.identity()))
                .expectError(IOException.class)
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(slots.inSlot(Mono.just("input"), input -> {
                    throw new IllegalStateException("the build failed");
                }))
                .expectError(IllegalStateException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(slots.free()).isEqualTo(1);

        // Abandoned while its build runs (which nothing can stop): the slot stays taken until it ends.
        var building = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        Disposable running = slots.inSlot(Mono.just("input"), input -> {
                    building.countDown();
                    await(finish);
                    return "late";
                })
                .subscribe();
        await(building);
        running.dispose();
        assertThat(slots.free()).as("while the abandoned build still runs").isZero();
        finish.countDown();
        eventually(() -> slots.free() == 1);
    }

    @Test
    void buildsAbandonedAtRandomMomentsAllGiveTheirSlotsBackAndLeaveNoFile() throws Exception {
        var slots = new ExportSlots(folder, 2, (format, file) -> new CsvZipWriter(file));
        var handedOver = new java.util.concurrent.ConcurrentLinkedQueue<Path>();
        var dropped = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
        Hooks.onErrorDropped(dropped::add);
        try {
            abandonAtRandom(slots, handedOver);
            eventually(() -> slots.free() == 2);
        } finally {
            Hooks.resetOnErrorDropped();
        }
        assertThat(dropped).as("failures of abandoned builds are nobody's news").isEmpty();

        // A file that made it out is its receiver's: here, the test's.
        for (Path file : handedOver) {
            Files.deleteIfExists(file);
        }
        eventually(() -> empty(folder));
        buildsAgain(slots);
    }

    private static void abandonAtRandom(ExportSlots slots, java.util.Collection<Path> handedOver)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Disposable download = slots.build(FileFormat.CSV, writer -> Mono.fromCallable(() -> {
                                for (int row = 0; row < 50; row++) {
                                    writer.report(List.of("GT-2026-" + row, row));
                                }
                                writer.finish();
                                return 50L;
                            })
                            .subscribeOn(Schedulers.boundedElastic()))
                    // Taken where it leaves, as the response does: a subscriber being disposed drops it.
                    .doOnNext(built -> handedOver.add(built.path()))
                    .subscribe(built -> {}, failure -> {});
            long pause = ThreadLocalRandom.current().nextLong(0, 3_000_000);
            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
            download.dispose();
        }
    }

    /** Both kinds of file can be built again, one after the other, in a slot of their own. */
    private void buildsAgain(ExportSlots slots) throws IOException {
        ExportSlots.Built built =
                slots.build(FileFormat.CSV, writer -> Mono.just(0L)).block(Duration.ofSeconds(5));
        assertThat(built).isNotNull();
        Files.delete(built.path());
    }

    private static boolean empty(Path folder) {
        try (var files = Files.list(folder)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            Thread.sleep(10);
        }
    }

    /** Like file output, deaf to the interrupt a cancelled task's thread gets. */
    private static void await(CountDownLatch latch) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean interrupted = false;
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                latch.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static class StubWriter implements ExportWriter {
        volatile boolean closed;
        volatile boolean finished;
        volatile int rows;

        @Override
        public void startReports(List<String> headers) {}

        @Override
        public void report(List<Object> cells) {
            rows++;
        }

        @Override
        public void table(StatsTable table) {}

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
