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

    static Mono<Caller> wardAdmin() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.WARD_ADMIN)
                        ? Mono.just(caller)
                        : Mono.error(new ApiProblem(403, Map.of("detail", "Chỉ cán bộ quản trị phường."))));
    }
}
