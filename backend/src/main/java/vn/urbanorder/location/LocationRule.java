package vn.urbanorder.location;

/**
 * How a ward matches reports of one category to locations.
 *
 * @param radiusM reports whose point lies within this many metres of a location's anchor join it
 * @param repeatDeadlineFactor a repeat offence's deadline is the category's hours times this
 */
public record LocationRule(String category, double radiusM, double repeatDeadlineFactor) {

    public static final double DEFAULT_RADIUS_M = 25;
    public static final double DEFAULT_REPEAT_DEADLINE_FACTOR = 0.5;
    public static final double MAX_RADIUS_M = 200;

    static LocationRule byDefault(String category) {
        return new LocationRule(category, DEFAULT_RADIUS_M, DEFAULT_REPEAT_DEADLINE_FACTOR);
    }
}
