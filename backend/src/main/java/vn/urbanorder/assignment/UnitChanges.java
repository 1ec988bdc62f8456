package vn.urbanorder.assignment;

/** Changes to a unit; a null field stays as it is. */
public record UnitChanges(String name, UnitKind kind, String contactPhone, Boolean active) {}
