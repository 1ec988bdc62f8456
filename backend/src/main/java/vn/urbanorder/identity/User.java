package vn.urbanorder.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user account as others may see it; the password hash never leaves the identity feature. */
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
        @Nullable Instant lastSignedInAt) {

    public User {
        roles = Set.copyOf(roles);
    }

    Caller asCaller() {
        return new Caller(id, username, wardId, wardCode, roles, unitId);
    }
}
