package vn.urbanorder.stats;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statistics settings ({@code urbanorder.stats.*}).
 *
 * @param exportDir where export files are built ({@code urbanorder-exports} in the JVM's temporary
 *     folder by default); each is deleted once sent (or on failure), and whatever a crash left is
 *     deleted at start-up
 * @param maxConcurrentExports how many files one instance builds at once (the month's report as
 *     DOCX or PDF counts too); more get 503
 * @param report who issues and signs the month's report, per ward ({@code
 *     urbanorder.stats.report.wards.<code>.*})
 */
@ConfigurationProperties("urbanorder.stats")
record StatsProperties(
        Path exportDir,
        @DefaultValue("2") int maxConcurrentExports,
        @Nullable ReportSettings report) {

    StatsProperties {
        if (exportDir == null) {
            exportDir = Path.of(System.getProperty("java.io.tmpdir"), "urbanorder-exports");
        }
    }

    ReportSettings reportSettings() {
        return report == null ? ReportSettings.none() : report;
    }
}
