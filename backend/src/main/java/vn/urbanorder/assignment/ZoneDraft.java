package vn.urbanorder.assignment;

import tools.jackson.databind.JsonNode;

/** One feature of an imported GeoJSON file, as sent: nothing is checked yet. */
public record ZoneDraft(String code, String name, String kind, String unitCode, Double bufferM, JsonNode geometry) {}
