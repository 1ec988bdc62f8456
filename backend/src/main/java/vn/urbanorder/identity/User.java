package vn.urbanorder.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user account as others may see it; the password hash never leaves the identity feature.
 * {@code passwordChangeRequired}: the password was set by someone else (a ward admin), so its
 * owner must change it before doing anything else.
 */
public record User(
        UUID id,
        UUID wardId,
        String wardCode,
        String username,
        String displayName,
        @Nullable String phone,
        Set<Role> roles,
        @Nullable UUID unitId,
        boolean active,
        Instant createdAt,
        @Nullable Instant lastSignedInAt,
        boolean passwordChangeRequired) {

    public User {
        roles = Set.copyOf(roles);
    }

    /** The user once they have chosen their own password. */
    User withOwnPassword() {
        return new User(
                id,
                wardId,
                wardCode,
                username,
                displayName,
                phone,
                roles,
                unitId,
                active,
                createdAt,
                lastSignedInAt,
                false);
    }

    Caller asCaller() {
        return new Caller(id, username, wardId, wardCode, roles, unitId);
    }
}
