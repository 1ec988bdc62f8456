package vn.urbanorder.assignment;

/** What sort of unit handles reports. */
public enum UnitKind {
    URBAN_ORDER_TEAM,
    CONSTRUCTION_OFFICE,
    SANITATION,
    POLICE,
    RESIDENTIAL_GROUP,
    OTHER
}
