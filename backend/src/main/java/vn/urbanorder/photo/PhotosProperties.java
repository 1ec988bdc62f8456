package vn.urbanorder.photo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Photo settings ({@code urbanorder.photos.*}).
 *
 * @param folder where the local storage keeps photo files; beside the data of the embedded trial
 *     database by default, and with a real database it must be set
 * @param maxBytes the largest photo accepted
 * @param maxPerReport the most photos one report may carry
 * @param mismatchDistanceM a photo whose GPS lies further than this from the report is flagged
 * @param maxConcurrentUploads submissions with photos one instance takes in at once (503 beyond)
 * @param sweepAfter how long a file may stay staged (stored, its report not yet recorded) before the
 *     sweep takes its submission for abandoned and removes it
 * @param maxPixels the largest image a photo may declare, in pixels (width times height; 422 beyond)
 * @param inspectionTimeout how long reading one photo's structure and metadata may take (422 beyond)
 * @param incoming where uploaded photos wait as files while their request runs; {@code .incoming}
 *     in the local photo folder by default, or a folder in the temporary folder without one
 */
@ConfigurationProperties("urbanorder.photos")
public record PhotosProperties(
        String folder,
        @DefaultValue("10485760") long maxBytes,
        @DefaultValue("6") int maxPerReport,
        @DefaultValue("150") double mismatchDistanceM,
        @DefaultValue("8") int maxConcurrentUploads,
        @DefaultValue("1h") java.time.Duration sweepAfter,
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("5s") java.time.Duration inspectionTimeout,
        @Nullable String incoming) {}
