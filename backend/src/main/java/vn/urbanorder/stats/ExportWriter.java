package vn.urbanorder.stats;

import java.io.IOException;
import java.util.List;

/**
 * Writes an export file: the period's reports one by one, then the section tables, which the file
 * shows first. Every method blocks (file input and output), so the export calls them off the event
 * loop, one thread at a time.
 */
interface ExportWriter extends AutoCloseable {

    void startReports(List<String> headers) throws IOException;

    void report(List<Object> cells) throws IOException;

    /** A section table, placed before the reports and after the tables written before it. */
    void table(StatsTable table) throws IOException;

    /** Completes the file. */
    void finish() throws IOException;

    /** Releases what the writer holds (temporary files among them), finished or not. */
    @Override
    void close() throws IOException;
}
