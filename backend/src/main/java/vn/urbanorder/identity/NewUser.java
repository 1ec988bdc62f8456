package vn.urbanorder.identity;

import java.util.Set;
import java.util.UUID;

/** A user a ward admin creates in their own ward. */
public record NewUser(
        String username, String displayName, String phone, Set<Role> roles, UUID unitId, String password) {}
