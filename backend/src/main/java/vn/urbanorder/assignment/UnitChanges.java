package vn.urbanorder.assignment;

import org.jspecify.annotations.Nullable;

/** Changes to a unit; a null field stays as it is. */
public record UnitChanges(
        @Nullable String name,
        @Nullable UnitKind kind,
        @Nullable String contactPhone,
        @Nullable Boolean active) {}
