package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GuardedWriterIntegrationTests {

    @Test
    void anAbandonedExportClosesItsWriterOnlyAfterTheCallInFlightAndRefusesAnyAfter() throws Exception {
        var writing = new CountDownLatch(1);
        var mayFinish = new CountDownLatch(1);
        var writer = new RecordingWriter(writing, mayFinish);
        var guarded = new GuardedWriter(writer);

        var batch = CompletableFuture.runAsync(() -> {
            try {
                guarded.report(List.of("GT-2026-000001"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        var closing = CompletableFuture.runAsync(() -> {
            try {
                guarded.close();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(100);
        assertThat(writer.closed).as("closed while a row was being written").isFalse();

        mayFinish.countDown();
        batch.get(5, TimeUnit.SECONDS);
        closing.get(5, TimeUnit.SECONDS);
        assertThat(writer.closed).isTrue();
        assertThatThrownBy(() -> guarded.report(List.of("GT-2026-000002"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(guarded::finish).isInstanceOf(IllegalStateException.class);
        assertThat(writer.rows).isEqualTo(1);
        assertThat(writer.finished).isFalse();
    }

    private static final class RecordingWriter implements ExportWriter {
        private final CountDownLatch writing;
        private final CountDownLatch mayFinish;
        volatile boolean closed;
        volatile boolean finished;
        volatile int rows;

        RecordingWriter(CountDownLatch writing, CountDownLatch mayFinish) {
            this.writing = writing;
            this.mayFinish = mayFinish;
        }

        @Override
        public void startReports(List<String> headers) {}

        @Override
        public void report(List<Object> cells) {
            writing.countDown();
            try {
                mayFinish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
