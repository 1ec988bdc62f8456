package vn.urbanorder.assignment;

import org.jspecify.annotations.Nullable;

/** A unit to create. */
public record UnitDraft(
        String code, String name, UnitKind kind, @Nullable String contactPhone) {}
