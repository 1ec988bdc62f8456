package vn.urbanorder.identity;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;

/**
 * The {@code app_user} table. Every read but sign-in's is scoped to a ward, or, for the province's
 * own officers, to their province and no ward.
 */
@Repository
class UserStore {

    /** Every user column, with the ward's code; {@link #toUser} reads a row of it. */
    static final String SELECT = """
            SELECT u.id, u.province_id, p.code AS province_code, u.ward_id, w.code AS ward_code, u.username,
                   u.display_name, u.phone, u.roles, u.unit_id, u.active, u.created_at, u.last_signed_in_at,
                   u.password_change_required, u.password_hash
              FROM app_user u
              JOIN province p ON p.id = u.province_id
              LEFT JOIN ward w ON w.id = u.ward_id
            """;

    private final DatabaseClient database;

    UserStore(DatabaseClient database) {
        this.database = database;
    }

    /** A user with their password hash, for sign-in only. */
    record Credentials(User user, String passwordHash) {}

    Mono<Credentials> findCredentials(String username) {
        return database.sql(SELECT + " WHERE u.username = :username")
                .bind("username", username)
                .map(row -> new Credentials(toUser(row), row.get("password_hash", String.class)))
                .one();
    }

    Mono<Credentials> findCredentialsById(UUID id) {
        return database.sql(SELECT + " WHERE u.id = :id")
                .bind("id", id)
                .map(row -> new Credentials(toUser(row), row.get("password_hash", String.class)))
                .one();
    }

    Mono<User> findById(UUID id) {
        return database.sql(SELECT + " WHERE u.id = :id")
                .bind("id", id)
                .map(UserStore::toUser)
                .one();
    }

    Mono<User> findInScope(UserScope scope, UUID id) {
        return scope.bind(database.sql(SELECT + " WHERE " + scope.where() + " AND u.id = :id"))
                .bind("id", id)
                .map(UserStore::toUser)
                .one();
    }

    Mono<User> findActiveByUsername(String username) {
        return database.sql(SELECT + " WHERE u.username = :username AND u.active")
                .bind("username", username)
                .map(UserStore::toUser)
                .one();
    }

    Flux<User> page(UserScope scope, @Nullable Role role, @Nullable Boolean active, int limit, long offset) {
        return scope.bind(filtered(
                        SELECT + " WHERE " + scope.where(),
                        role,
                        active,
                        " ORDER BY u.username LIMIT :limit OFFSET :offset"))
                .bind("limit", limit)
                .bind("offset", offset)
                .map(UserStore::toUser)
                .all();
    }

    Mono<Long> count(UserScope scope, @Nullable Role role, @Nullable Boolean active) {
        return scope.bind(filtered("SELECT count(*) AS n FROM app_user u WHERE " + scope.where(), role, active, ""))
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** The other active admins of the scope: ward admins of a ward, province admins of a province. */
    Mono<Long> countOtherActiveAdmins(UserScope scope, UUID exceptUserId) {
        return scope.bind(database.sql("SELECT count(*) AS n FROM app_user u WHERE " + scope.where()
                        + " AND u.id <> :user AND u.active AND :admin = ANY (u.roles)"))
                .bind("admin", scope.adminRole().name())
                .bind("user", exceptUserId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    Mono<Boolean> anyExists() {
        return database.sql("SELECT EXISTS (SELECT 1 FROM app_user) AS any")
                .map(row -> row.get("any", Boolean.class))
                .one();
    }

    Mono<Boolean> usernameTaken(String username) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :username) AS taken")
                .bind("username", username)
                .map(row -> row.get("taken", Boolean.class))
                .one();
    }

    /** {@code changeRequired}: the password is someone else's choice, so its owner must change it. */
    Mono<UUID> insert(UserScope scope, NewUser user, String passwordHash, boolean changeRequired, Instant now) {
        var spec = database.sql("""
                        INSERT INTO app_user (province_id, ward_id, username, display_name, phone, roles, unit_id,
                                              password_hash, password_change_required, active, created_at, updated_at)
                        VALUES (:province, :ward, :username, :displayName, :phone, :roles, :unit, :hash,
                                :changeRequired, true, :now, :now)
                        RETURNING id
                        """)
                .bind("province", scope.provinceId())
                .bind("username", user.username())
                .bind("displayName", user.displayName())
                .bind("roles", roleNames(user.roles()))
                .bind("hash", passwordHash)
                .bind("changeRequired", changeRequired)
                .bind("now", now);
        spec = Binds.nullable(spec, "ward", scope.wardId(), UUID.class);
        spec = Binds.nullable(spec, "phone", user.phone(), String.class);
        spec = Binds.nullable(spec, "unit", user.unitId(), UUID.class);
        return spec.map(row -> row.get("id", UUID.class)).one();
    }

    /**
     * Saves the user's fields; with a new password hash, also whether its owner must change it
     * (read from {@code user}). Without one, that flag stays as the database has it: the owner
     * may have changed their password since the user was read.
     */
    Mono<Void> update(User user, @Nullable String newPasswordHash, Instant now) {
        var spec = database.sql("""
                        UPDATE app_user
                           SET display_name = :displayName, phone = :phone, roles = :roles, unit_id = :unit,
                               active = :active, password_hash = COALESCE(:hash, password_hash),
                               password_change_required = CASE WHEN :hash IS NULL THEN password_change_required
                                                               ELSE :changeRequired END,
                               updated_at = :now
                         WHERE id = :id AND province_id = :province AND ward_id IS NOT DISTINCT FROM :ward
                        """)
                .bind("displayName", user.displayName())
                .bind("roles", roleNames(user.roles()))
                .bind("active", user.active())
                .bind("changeRequired", user.passwordChangeRequired())
                .bind("now", now)
                .bind("id", user.id())
                .bind("province", user.provinceId());
        spec = Binds.nullable(spec, "ward", user.wardId(), UUID.class);
        spec = Binds.nullable(spec, "phone", user.phone(), String.class);
        spec = Binds.nullable(spec, "unit", user.unitId(), UUID.class);
        spec = Binds.nullable(spec, "hash", newPasswordHash, String.class);
        return spec.then();
    }

    /** The owner's own change: a password of their choosing, which nobody asks them to change. */
    Mono<Void> changePassword(UUID id, String newPasswordHash, Instant now) {
        return database.sql("UPDATE app_user SET password_hash = :hash, password_change_required = false,"
                        + " updated_at = :now WHERE id = :id")
                .bind("hash", newPasswordHash)
                .bind("now", now)
                .bind("id", id)
                .then();
    }

    /** Leaves updated_at alone: signing in changes nothing about the account. */
    Mono<Void> recordSignIn(UUID id, Instant at) {
        return database.sql("UPDATE app_user SET last_signed_in_at = :at WHERE id = :id")
                .bind("at", at)
                .bind("id", id)
                .then();
    }

    private DatabaseClient.GenericExecuteSpec filtered(
            String sql, @Nullable Role role, @Nullable Boolean active, String tail) {
        StringBuilder query = new StringBuilder(sql);
        if (role != null) {
            query.append(" AND :role = ANY (u.roles)");
        }
        if (active != null) {
            query.append(" AND u.active = :active");
        }
        var spec = database.sql(query.append(tail).toString());
        if (role != null) {
            spec = spec.bind("role", role.name());
        }
        if (active != null) {
            spec = spec.bind("active", active);
        }
        return spec;
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    static User toUser(Readable row) {
        Set<Role> roles = Arrays.stream(row.get("roles", String[].class))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(
                row.get("id", UUID.class),
                row.get("province_id", UUID.class),
                row.get("province_code", String.class),
                row.get("ward_id", UUID.class),
                row.get("ward_code", String.class),
                row.get("username", String.class),
                row.get("display_name", String.class),
                row.get("phone", String.class),
                roles,
                row.get("unit_id", UUID.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)),
                row.get("created_at", Instant.class),
                row.get("last_signed_in_at", Instant.class),
                Boolean.TRUE.equals(row.get("password_change_required", Boolean.class)));
    }
}
