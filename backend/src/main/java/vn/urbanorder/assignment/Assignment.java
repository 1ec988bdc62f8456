package vn.urbanorder.assignment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a report was sent at intake, and why: the zone and segment its point lies in, the unit
 * the most specific matching rule names, and which rule that was. Without a unit the report is
 * UNASSIGNED and waits for the ward admin.
 */
public record Assignment(
        @Nullable UnitRef unit,
        @Nullable Place zone,
        @Nullable Place segment,
        @Nullable RuleLevel rule) {

    public static final Assignment NONE = new Assignment(null, null, null, null);

    public boolean assigned() {
        return unit != null;
    }

    /** A unit as reports show it. */
    public record UnitRef(UUID id, String code, String name) {}

    /** A zone or segment, in the version the report was assigned on. */
    public record Place(UUID id, String code, String name) {}
}
