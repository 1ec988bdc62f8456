package vn.urbanorder.assignment;

import org.jspecify.annotations.Nullable;

/**
 * Send reports matching the conditions to a unit. A null condition matches anything; a rule
 * names a zone or a segment, never both; a rule with no condition is the ward default.
 */
public record AssignmentRule(
        @Nullable String zoneCode,
        @Nullable String segmentCode,
        @Nullable String category,
        @Nullable String unitCode) {

    RuleLevel level() {
        if (segmentCode != null) {
            return category != null ? RuleLevel.SEGMENT_CATEGORY : RuleLevel.SEGMENT;
        }
        if (zoneCode != null) {
            return category != null ? RuleLevel.ZONE_CATEGORY : RuleLevel.ZONE;
        }
        return category != null ? RuleLevel.CATEGORY : RuleLevel.WARD_DEFAULT;
    }
}
