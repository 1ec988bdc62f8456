package vn.urbanorder.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.CategoryCatalog;
import vn.urbanorder.shared.ProblemException;

/**
 * Builds a period's export file: every report of the period, streamed from the database a page at
 * a time into the file, and the section tables. All writing runs on bounded-elastic threads,
 * never on the event loop, and memory stays flat whatever the period's size. An instance builds at
 * most {@code urbanorder.stats.max-concurrent-exports} files at once.
 */
@Service
public class StatsExports {

    private static final Logger log = LoggerFactory.getLogger(StatsExports.class);

    /** Reports handed to the writer thread at a time: one hand-over per batch, not per report. */
    private static final int BATCH = 500;

    /**
     * Batches read ahead of the writer, so the database and the writer work at the same time
     * (about 4,000 reports, a few megabytes, in memory).
     */
    private static final int BATCHES_AHEAD = 8;

    private final WardStatistics statistics;
    private final ReportLines lines;
    private final CategoryCatalog categories;
    private final StatsProperties properties;
    private final Semaphore permits;

    StatsExports(WardStatistics statistics, ReportLines lines, CategoryCatalog categories, StatsProperties properties)
            throws IOException {
        this.statistics = statistics;
        this.lines = lines;
        this.categories = categories;
        this.properties = properties;
        this.permits = new Semaphore(properties.maxConcurrentExports());
        clearLeftovers(properties.exportDir());
    }

    /**
     * 503 with Retry-After when the instance already builds as many files as it may. The reports
     * stream into the file while the figures are read; the section tables follow, and the writer
     * puts them first. However the export ends, its writer is closed (after any call in flight),
     * then the file is deleted unless it was built, then the permit is given back, in that order.
     */
    public Mono<ExportFile> export(StatsScope scope, FileFormat format) {
        String fileName = scope.period().fileStem(scope.ward().code()) + format.extension();
        return categories
                .findAll()
                .collectList()
                .flatMap(catalogue -> Mono.usingWhen(
                        Mono.fromCallable(() -> open(format)).subscribeOn(Schedulers.boundedElastic()),
                        export -> Mono.zip(
                                        reports(export.writer(), scope, names(catalogue)),
                                        statistics.figuresWithEveryRepeatPoint(scope))
                                .publishOn(Schedulers.boundedElastic())
                                .map(written -> {
                                    for (StatsTable table : StatsTables.of(written.getT2())) {
                                        unchecked(() -> export.writer().table(table));
                                    }
                                    unchecked(export.writer()::finish);
                                    return new ExportFile(export.path(), fileName, format, written.getT1());
                                }),
                        export -> export.end(false),
                        (export, failure) -> export.end(true),
                        export -> export.end(true)));
    }

    /** Takes a permit, then makes the file and its writer, with the report list begun. */
    private Export open(FileFormat format) throws IOException {
        if (!permits.tryAcquire()) {
            throw ProblemException.serviceUnavailable(
                    "Máy chủ đang lập nhiều tệp thống kê cùng lúc; vui lòng thử lại sau ít giây.",
                    Duration.ofSeconds(5));
        }
        Path path = null;
        try {
            Files.createDirectories(properties.exportDir());
            path = Files.createTempFile(properties.exportDir(), "export-", format.extension());
            var writer =
                    new GuardedWriter(format == FileFormat.XLSX ? new WorkbookWriter(path) : new CsvZipWriter(path));
            var export = new Export(path, writer);
            try {
                writer.startReports(ReportLine.HEADERS);
            } catch (IOException | RuntimeException e) {
                writer.close();
                throw e;
            }
            return export;
        } catch (IOException | RuntimeException e) {
            if (path != null) {
                Files.deleteIfExists(path);
            }
            permits.release();
            throw e;
        }
    }

    /** An export under way: its file and writer, holding one permit. */
    private final class Export {

        private final Path path;
        private final GuardedWriter writer;

        Export(Path path, GuardedWriter writer) {
            this.path = path;
            this.writer = writer;
        }

        Path path() {
            return path;
        }

        GuardedWriter writer() {
            return writer;
        }

        /** Closes the writer (waiting for a call in flight), deletes an unfinished file, frees the permit. */
        Mono<Void> end(boolean abandoned) {
            return Mono.<Void>fromRunnable(() -> {
                        try {
                            writer.close();
                        } catch (IOException e) {
                            log.warn("Could not close an export's writer", e);
                        }
                        if (abandoned) {
                            deleteQuietly(path);
                        }
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .doFinally(signal -> permits.release());
        }
    }

    /** Writes every report of the period, a batch at a time on the writer's thread; how many. */
    private Mono<Long> reports(ExportWriter writer, StatsScope scope, Map<String, String> names) {
        ZoneId zone = scope.period().timeZone();
        var count = new AtomicLong();
        return lines.of(scope.ward().id(), scope.period())
                .buffer(BATCH)
                .publishOn(Schedulers.boundedElastic(), BATCHES_AHEAD)
                .doOnNext(batch -> {
                    for (ReportLine line : batch) {
                        unchecked(() -> writer.report(line.cells(names, zone)));
                    }
                    count.addAndGet(batch.size());
                })
                .then(Mono.fromCallable(count::get));
    }

    /** Deletes an export file; off the event loop. */
    public static Mono<Void> delete(Path path) {
        return Mono.<Void>fromRunnable(() -> deleteQuietly(path)).subscribeOn(Schedulers.boundedElastic());
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete export file {}", path, e);
        }
    }

    /** Category codes, and category/subtype codes, to their Vietnamese names. */
    private static Map<String, String> names(Iterable<Category> catalogue) {
        Map<String, String> names = new HashMap<>();
        for (Category category : catalogue) {
            names.put(category.code(), category.name());
            category.subtypes().forEach(subtype -> names.put(category.code() + "/" + subtype.code(), subtype.name()));
        }
        return names;
    }

    /** Files a crash left behind, deleted at start-up. */
    private static void clearLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.filter(file -> file.getFileName().toString().startsWith("export-"))
                    .forEach(file -> unchecked(() -> Files.deleteIfExists(file)));
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
