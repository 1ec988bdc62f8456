package vn.urbanorder.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.AdvisoryLocks;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;

/**
 * What an admin does with the accounts in their care: a ward admin with those of their ward, a
 * province admin with the province's own officers, and with the admins of the province's wards
 * ({@link #createWardAdmin}, {@link #wardAdmins}). Anyone else's users are simply not found, so
 * their existence does not leak.
 */
@Service
public class UserAdministration {

    private final UserStore users;
    private final Passwords passwords;
    private final RefreshTokens refreshTokens;
    private final DeskSessionStore deskSessions;
    private final AdvisoryLocks locks;
    private final TransactionalOperator transactions;
    private final Clock clock;

    UserAdministration(
            UserStore users,
            Passwords passwords,
            RefreshTokens refreshTokens,
            DeskSessionStore deskSessions,
            AdvisoryLocks locks,
            TransactionalOperator transactions,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.deskSessions = deskSessions;
        this.locks = locks;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<User> me(Caller caller) {
        return find(caller, caller.userId());
    }

    public Mono<User> find(Caller caller, UUID id) {
        return find(UserScope.of(caller), id);
    }

    private Mono<User> find(UserScope scope, UUID id) {
        return users.findInScope(scope, id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound(
                        scope.wardId() == null
                                ? "Không có người dùng cấp tỉnh này."
                                : "Không có người dùng này trong phường.")));
    }

    public Mono<UserPage> list(Caller caller, int page, int size, @Nullable Role role, @Nullable Boolean active) {
        return list(UserScope.of(caller), page, size, role, active);
    }

    private Mono<UserPage> list(UserScope scope, int page, int size, @Nullable Role role, @Nullable Boolean active) {
        return users.page(scope, role, active, size, (long) page * size)
                .collectList()
                .zipWith(users.count(scope, role, active))
                .map(found -> new UserPage(found.getT1(), page, size, found.getT2()));
    }

    /** The ward admins of a ward of the caller's province (the caller being a province admin). */
    public Mono<UserPage> wardAdmins(Caller caller, UUID wardId) {
        return list(UserScope.ofWard(caller.provinceId(), wardId), 0, 100, Role.WARD_ADMIN, null);
    }

    /**
     * A province admin creates an admin for a ward of their province (the caller checked the ward
     * is the province's): a ward admin who must change the password at first sign-in.
     */
    public Mono<User> createWardAdmin(Caller caller, UUID wardId, NewUser draft) {
        if (!draft.roles().equals(Set.of(Role.WARD_ADMIN)) || draft.unitId() != null) {
            return Mono.error(
                    InvalidRequestException.of("roles", "Tài khoản tạo cho phường ở đây là quản trị phường."));
        }
        return create(UserScope.ofWard(caller.provinceId(), wardId), draft);
    }

    /**
     * Creates a user in the caller's ward; a taken username is a 409. The password is the admin's
     * choice, so the new user must change it before doing anything else.
     */
    public Mono<User> create(Caller caller, NewUser draft) {
        return create(UserScope.of(caller), draft);
    }

    private Mono<User> create(UserScope scope, NewUser draft) {
        var user = new NewUser(
                draft.username(),
                draft.displayName().strip(),
                blankToNull(draft.phone()),
                draft.roles(),
                draft.unitId(),
                draft.password());
        return requireDisplayName(user.displayName())
                .then(requireRolesOfScope(scope, user.roles()))
                .then(requireUnitForUnitStaff(user.roles(), user.unitId()))
                .then(users.usernameTaken(user.username()))
                .flatMap(taken -> taken
                        ? Mono.error(UserAdministration::usernameTaken)
                        : passwords.hash("password", user.password()))
                .flatMap(hash -> users.insert(scope, user, hash, true, clock.instant()))
                // Two admins racing for one username: the database's unique constraint decides.
                .onErrorMap(UserAdministration::isUsernameClash, race -> usernameTaken())
                .onErrorMap(UserAdministration::isUnknownUnit, unknown -> unknownUnit())
                .flatMap(id -> find(scope, id));
    }

    /**
     * Applies the changes. Deactivating a user or changing their password signs them out
     * everywhere; a password set for someone else must be changed by them before they do anything
     * else. Admins cannot lock themselves out.
     */
    public Mono<User> update(Caller caller, UUID id, UserChanges changes) {
        return find(caller, id).flatMap(current -> {
            boolean self = caller.userId().equals(id);
            User changed = apply(current, changes, self);
            if (self && !changed.active()) {
                return Mono.error(InvalidRequestException.of("active", "Không thể tự khoá tài khoản của chính mình."));
            }
            UserScope scope = UserScope.of(caller);
            if (self && !changed.roles().contains(scope.adminRole())) {
                return Mono.error(InvalidRequestException.of("roles", "Không thể tự bỏ vai trò quản trị của mình."));
            }
            boolean signOutEverywhere = changes.password() != null || (current.active() && !changed.active());
            Mono<Optional<String>> newHash = changes.password() == null
                    ? Mono.just(Optional.empty())
                    : passwords.hash("password", changes.password()).map(Optional::of);
            boolean losesAnAdmin = isActiveAdmin(scope, current) && !isActiveAdmin(scope, changed);
            return requireDisplayName(changed.displayName())
                    .then(requireRolesOfScope(scope, changed.roles()))
                    .then(requireUnitForUnitStaff(changed.roles(), changed.unitId()))
                    .then(newHash)
                    .flatMap(hash -> {
                        Mono<Void> save = users.update(changed, hash.orElse(null), clock.instant());
                        return (losesAnAdmin ? keepingAnAdmin(scope, changed, save) : save)
                                .onErrorMap(UserAdministration::isUnknownUnit, unknown -> unknownUnit());
                    })
                    .then(
                            signOutEverywhere
                                    ? refreshTokens.revokeAll(id).then(deskSessions.deleteAll(id))
                                    : Mono.empty())
                    .then(find(caller, id));
        });
    }

    private static User apply(User user, UserChanges changes, boolean self) {
        if (changes.removeUnit() && changes.unitId() != null) {
            throw InvalidRequestException.of("removeUnit", "Không thể vừa đổi đơn vị vừa bỏ đơn vị.");
        }
        UUID unit = changes.removeUnit() ? null : changes.unitId() != null ? changes.unitId() : user.unitId();
        Set<Role> roles = changes.roles() != null ? EnumSet.copyOf(changes.roles()) : user.roles();
        return user.with(
                changes.displayName() != null ? changes.displayName().strip() : user.displayName(),
                changes.phone() != null ? blankToNull(changes.phone()) : user.phone(),
                roles,
                unit,
                changes.active() != null ? changes.active() : user.active(),
                changes.password() != null ? !self : user.passwordChangeRequired());
    }

    /**
     * Saves only if the ward (or province) keeps another active admin. Changes that take an admin
     * away are serialised per ward or province, so two admins cannot demote each other at the same
     * moment.
     */
    private Mono<Void> keepingAnAdmin(UserScope scope, User changed, Mono<Void> save) {
        UUID ward = scope.wardId();
        UUID lockKey = ward != null ? ward : scope.provinceId();
        return transactions.transactional(locks.lock(AdvisoryLocks.Space.WARD_ADMINS, lockKey)
                .then(users.countOtherActiveAdmins(scope, changed.id()))
                .flatMap(others -> others == 0
                        ? Mono.error(InvalidRequestException.of(
                                changed.active() ? "roles" : "active",
                                scope.wardId() != null
                                        ? "Phường phải còn ít nhất một quản trị phường đang hoạt động."
                                        : "Tỉnh phải còn ít nhất một quản trị cấp tỉnh đang hoạt động."))
                        : save));
    }

    private static boolean isActiveAdmin(UserScope scope, User user) {
        return user.active() && user.roles().contains(scope.adminRole());
    }

    private static Mono<Void> requireRolesOfScope(UserScope scope, Set<Role> roles) {
        return scope.holds(roles)
                ? Mono.empty()
                : Mono.error(InvalidRequestException.of(
                        "roles",
                        scope.wardId() != null
                                ? "Người dùng của phường chỉ có vai trò của phường (PATROL, UNIT_STAFF, INSPECTOR,"
                                        + " WARD_ADMIN)."
                                : "Người dùng cấp tỉnh chỉ có vai trò cấp tỉnh (PROVINCE_ADMIN, PROVINCE_INSPECTOR)."));
    }

    private static Mono<Void> requireDisplayName(String displayName) {
        return displayName.isEmpty()
                ? Mono.error(InvalidRequestException.of("displayName", "không được để trống"))
                : Mono.empty();
    }

    private static boolean isUsernameClash(Throwable failure) {
        return failure instanceof DataIntegrityViolationException
                && String.valueOf(failure.getMessage()).contains("app_user_username_unique");
    }

    /** The unit must be one of the caller's ward; the database's foreign key decides. */
    private static boolean isUnknownUnit(Throwable failure) {
        return failure instanceof DataIntegrityViolationException
                && String.valueOf(failure.getMessage()).contains("app_user_unit_of_ward");
    }

    private static InvalidRequestException unknownUnit() {
        return InvalidRequestException.of("unitId", "Không có đơn vị này trong phường.");
    }

    private static Mono<Void> requireUnitForUnitStaff(Set<Role> roles, @Nullable UUID unitId) {
        return roles.contains(Role.UNIT_STAFF) && unitId == null
                ? Mono.error(InvalidRequestException.of("unitId", "Cán bộ đơn vị (UNIT_STAFF) phải thuộc một đơn vị."))
                : Mono.empty();
    }

    private static ProblemException usernameTaken() {
        return ProblemException.conflict("Tên đăng nhập này đã có người dùng.");
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
