package vn.urbanorder.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake rules ({@code urbanorder.reports.*}).
 *
 * @param maxAge how old an observation may be when it arrives (phones queue reports offline)
 * @param maxClockAhead how far a phone's clock may run ahead of the service's
 * @param lowAccuracyM a position less accurate than this many metres is flagged
 */
@ConfigurationProperties("urbanorder.reports")
record ReportsProperties(
        @DefaultValue("30d") Duration maxAge,
        @DefaultValue("5m") Duration maxClockAhead,
        @DefaultValue("50") double lowAccuracyM) {}
