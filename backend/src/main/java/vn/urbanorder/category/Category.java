package vn.urbanorder.category;

import java.util.List;

/**
 * A violation category (lĩnh vực vi phạm), such as sidewalk encroachment.
 *
 * @param code stable identifier used in the API, e.g. {@code SIDEWALK_ENCROACHMENT}
 * @param name Vietnamese name with diacritics
 * @param defaultDeadlineHours hours a unit has to handle a report, before ward settings
 * @param subtypes the kinds of violation within the category, in display order
 */
public record Category(String code, String name, int defaultDeadlineHours, List<Subtype> subtypes) {

    public Category {
        subtypes = List.copyOf(subtypes);
    }

    public boolean hasSubtype(String subtypeCode) {
        return subtypes.stream().anyMatch(subtype -> subtype.code().equals(subtypeCode));
    }

    /** A kind of violation within a category, e.g. goods displayed on the sidewalk. */
    public record Subtype(String code, String name) {}
}
