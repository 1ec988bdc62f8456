package vn.urbanorder.stats;

import java.nio.file.Path;

/**
 * A built export file. Whoever receives it deletes {@code path} once it has been sent, and takes it
 * in a {@code doOnNext} right on the export's {@code Mono}: a final subscriber that is being
 * disposed as the file arrives drops it, and nobody would delete it then.
 *
 * @param fileName the name to offer the user, e.g. {@code thong-ke-GT-2026-10.xlsx}
 * @param reports how many reports it lists
 */
public record ExportFile(Path path, String fileName, FileFormat format, long reports) {}
