package vn.urbanorder.stats;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statistics settings ({@code urbanorder.stats.*}).
 *
 * @param exportDir where export files are built; each is deleted once sent (or on failure), and
 *     whatever a crash left is deleted at start-up
 * @param maxConcurrentExports how many files one instance builds at once; more get 503
 */
@ConfigurationProperties("urbanorder.stats")
record StatsProperties(
        @DefaultValue("${java.io.tmpdir}/urbanorder-exports")
        Path exportDir,

        @DefaultValue("2") int maxConcurrentExports) {}
