package vn.urbanorder.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a ward admin changes about a user; a null field stays as it is. */
public record UserChanges(
        @Nullable String displayName,
        @Nullable String phone,
        @Nullable Set<Role> roles,
        @Nullable UUID unitId,
        boolean removeUnit,
        @Nullable Boolean active,
        @Nullable String password) {}
