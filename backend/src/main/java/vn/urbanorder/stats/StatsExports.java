package vn.urbanorder.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.CategoryCatalog;

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
    private final ExportSlots slots;
    private final ReportSettings reportSettings;

    StatsExports(WardStatistics statistics, ReportLines lines, CategoryCatalog categories, StatsProperties properties)
            throws IOException {
        this.statistics = statistics;
        this.reportSettings = properties.reportSettings();
        this.lines = lines;
        this.categories = categories;
        this.slots = new ExportSlots(
                properties.exportDir(),
                properties.maxConcurrentExports(),
                (format, file) -> format == FileFormat.XLSX ? new WorkbookWriter(file) : new CsvZipWriter(file));
        clearLeftovers(properties.exportDir());
    }

    /**
     * 503 with Retry-After when the instance already builds as many files as it may
     * ({@link ExportSlots}, which also cleans up after a build however it ends). The reports stream
     * into the file while the figures are read; the section tables follow, and the writer puts
     * them first.
     */
    public Mono<ExportFile> export(StatsScope scope, FileFormat format) {
        String fileName = scope.period().fileStem(scope.ward().code()) + format.extension();
        // The hand-over is the build's last step, and only a synchronous map follows it here.
        return slots.build(format, writer -> categories
                        .findAll()
                        .collectList()
                        .flatMap(catalogue -> Mono.zip(
                                reports(writer, scope, names(catalogue)),
                                statistics.figuresWithEveryRepeatPoint(scope)))
                        .publishOn(Schedulers.boundedElastic())
                        .map(written -> {
                            for (StatsTable table : StatsTables.of(written.getT2())) {
                                unchecked(() -> writer.table(table));
                            }
                            unchecked(writer::finish);
                            return written.getT1();
                        }))
                .map(built -> new ExportFile(built.path(), fileName, format, built.reports()));
    }

    /**
     * The period's report as a document to sign and stamp ({@link UpwardReport}): the figures of
     * the JSON document, written as DOCX or PDF on a bounded-elastic thread, in one of the export
     * slots (503 with Retry-After when none is free).
     */
    public Mono<ReportFile> document(StatsScope scope, DocumentFormat format) {
        return slots.inSlot(statistics.figures(scope), figures -> {
            ReportDocument report = UpwardReport.of(figures, reportSettings.of(figures.wardCode(), figures.wardName()));
            var out = new ByteArrayOutputStream();
            unchecked(() -> {
                if (format == DocumentFormat.PDF) {
                    ReportPdf.write(report, out);
                } else {
                    ReportDocx.write(report, out);
                }
            });
            String name = scope.period().fileStem("bao-cao", scope.ward().code()) + format.extension();
            return new ReportFile(out.toByteArray(), name, format);
        });
    }

    /**
     * A file of section tables alone, such as the province's figures ({@link ProvinceExports}):
     * built on a bounded-elastic thread in one of the same export slots (503 with Retry-After when
     * none is free), named {@code fileStem} and the format's extension.
     */
    Mono<ExportFile> tables(String fileStem, FileFormat format, Mono<List<StatsTable>> tables) {
        return slots.buildTables(format, writer -> tables.publishOn(Schedulers.boundedElastic())
                        .map(written -> {
                            for (StatsTable table : written) {
                                unchecked(() -> writer.table(table));
                            }
                            unchecked(writer::finish);
                            return 0L;
                        }))
                .map(built -> new ExportFile(built.path(), fileStem + format.extension(), format, built.reports()));
    }

    /** Export slots free now. */
    int freeSlots() {
        return slots.free();
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

    static void deleteQuietly(Path path) {
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
