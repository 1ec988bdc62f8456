package vn.urbanorder.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user account as others may see it; the password hash never leaves the identity feature.
 * {@code passwordChangeRequired}: the password was set by someone else (an admin), so its owner
 * must change it before doing anything else.
 *
 * @param wardId the user's ward; none for a province officer
 * @param wardCode its code; none for a province officer
 */
public record User(
        UUID id,
        UUID provinceId,
        String provinceCode,
        @Nullable UUID wardId,
        @Nullable String wardCode,
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

    /** Whether the user works for the province rather than one of its wards. */
    public boolean ofProvince() {
        return wardId == null;
    }

    /** The user once they have chosen their own password. */
    User withOwnPassword() {
        return with(displayName, phone, roles, unitId, active, false);
    }

    User with(
            String newDisplayName,
            @Nullable String newPhone,
            Set<Role> newRoles,
            @Nullable UUID newUnitId,
            boolean newActive,
            boolean newPasswordChangeRequired) {
        return new User(
                id,
                provinceId,
                provinceCode,
                wardId,
                wardCode,
                username,
                newDisplayName,
                newPhone,
                newRoles,
                newUnitId,
                newActive,
                createdAt,
                lastSignedInAt,
                newPasswordChangeRequired);
    }

    Caller asCaller() {
        return new Caller(id, username, provinceId, wardId, wardCode, roles, unitId);
    }
}
