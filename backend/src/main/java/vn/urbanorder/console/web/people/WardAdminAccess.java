package vn.urbanorder.console.web.people;

import java.util.Map;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The people and units pages are the ward admin's. The API's unit list is open to every signed-in
 * user, so the pages check the role themselves and answer the console's 403 page to everyone else.
 */
final class WardAdminAccess {

    private WardAdminAccess() {}

    /**
     * The people pages are also the province admin's: through the same API they list and create
     * the province's own officers (the API scopes {@code /users} by the caller).
     */
    static Mono<Caller> peopleAdmin() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.WARD_ADMIN) || caller.has(Role.PROVINCE_ADMIN)
                        ? Mono.just(caller)
                        : Mono.error(new ApiProblem(403, Map.of("detail", "Chỉ cán bộ quản trị phường hoặc tỉnh."))));
    }

    /** The roles a person made or changed by this admin may have: a ward's, or a province's. */
    static java.util.List<Role> rolesOffered(Caller admin) {
        return java.util.Arrays.stream(Role.values())
                .filter(role -> role.ofProvince() == admin.ofProvince())
                .toList();
    }

    static Mono<Caller> wardAdmin() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.WARD_ADMIN)
                        ? Mono.just(caller)
                        : Mono.error(new ApiProblem(403, Map.of("detail", "Chỉ cán bộ quản trị phường."))));
    }
}
