package vn.urbanorder.province;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One feature of a file of ward boundaries, as sent: any of it may be missing or wrong. */
public record WardFeature(
        @Nullable String code,
        @Nullable String name,
        @Nullable String timeZone,
        @Nullable JsonNode geometry) {}
