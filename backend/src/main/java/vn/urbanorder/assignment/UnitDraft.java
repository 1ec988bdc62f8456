package vn.urbanorder.assignment;

/** A unit to create. */
public record UnitDraft(String code, String name, UnitKind kind, String contactPhone) {}
