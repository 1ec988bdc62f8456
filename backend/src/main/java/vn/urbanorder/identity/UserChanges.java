package vn.urbanorder.identity;

import java.util.Set;
import java.util.UUID;

/** What a ward admin changes about a user; a null field stays as it is. */
public record UserChanges(
        String displayName,
        String phone,
        Set<Role> roles,
        UUID unitId,
        boolean removeUnit,
        Boolean active,
        String password) {}
