package vn.urbanorder.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Whose accounts an admin looks after: a ward admin those of their ward, a province admin the
 * province's own officers (who have no ward). Each holds only its own roles.
 *
 * @param wardId the ward; none for the province's own officers
 */
record UserScope(UUID provinceId, @Nullable UUID wardId) {

    static UserScope of(Caller caller) {
        return new UserScope(caller.provinceId(), caller.wardIdOrNull());
    }

    static UserScope ofWard(UUID provinceId, UUID wardId) {
        return new UserScope(provinceId, wardId);
    }

    /** The condition on {@code app_user u} that keeps to the scope. */
    String where() {
        return wardId != null ? "u.ward_id = :scopeWard" : "u.province_id = :scopeProvince AND u.ward_id IS NULL";
    }

    DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        return wardId != null ? spec.bind("scopeWard", wardId) : spec.bind("scopeProvince", provinceId);
    }

    /** The role that looks after the scope's accounts. */
    Role adminRole() {
        return wardId != null ? Role.WARD_ADMIN : Role.PROVINCE_ADMIN;
    }

    /** Whether every role is one the scope's accounts may hold. */
    boolean holds(Set<Role> roles) {
        return roles.stream().allMatch(role -> role.ofProvince() == (wardId == null));
    }
}
