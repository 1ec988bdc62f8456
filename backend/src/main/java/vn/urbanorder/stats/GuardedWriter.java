package vn.urbanorder.stats;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An export writer that one thread at a time may use, and that refuses work once closed. An export
 * cancelled or failed part-way closes its writer from another thread while a batch or the final
 * write may still be running: the close waits for that call to end, and any call after it fails
 * instead of writing into a disposed workbook or re-creating a deleted file.
 */
final class GuardedWriter implements ExportWriter {

    private final ExportWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    GuardedWriter(ExportWriter writer) {
        this.writer = writer;
    }

    @Override
    public void startReports(List<String> headers) throws IOException {
        run(() -> writer.startReports(headers));
    }

    @Override
    public void report(List<Object> cells) throws IOException {
        run(() -> writer.report(cells));
    }

    @Override
    public void table(StatsTable table) throws IOException {
        run(() -> writer.table(table));
    }

    @Override
    public void finish() throws IOException {
        run(writer::finish);
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                writer.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private void run(Call call) throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The export was abandoned");
            }
            call.run();
        } finally {
            lock.unlock();
        }
    }
}
