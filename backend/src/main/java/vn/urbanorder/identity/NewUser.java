package vn.urbanorder.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user a ward admin creates in their own ward. */
public record NewUser(
        String username,
        String displayName,
        @Nullable String phone,
        Set<Role> roles,
        @Nullable UUID unitId,
        String password) {}
