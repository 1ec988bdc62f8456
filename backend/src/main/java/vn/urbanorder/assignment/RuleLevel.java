package vn.urbanorder.assignment;

/** Which kind of rule sent a report to its unit, from the most specific to the least. */
public enum RuleLevel {
    SEGMENT_CATEGORY,
    SEGMENT,
    ZONE_CATEGORY,
    ZONE,
    CATEGORY,
    WARD_DEFAULT,
    /** The ward admin chose the unit (REASSIGN). */
    MANUAL
}
