package vn.urbanorder.assignment;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One feature of an imported GeoJSON file, as sent: nothing is checked yet. */
public record ZoneDraft(
        @Nullable String code,
        @Nullable String name,
        @Nullable String kind,
        @Nullable String unitCode,
        @Nullable Double bufferM,
        @Nullable JsonNode geometry) {}
