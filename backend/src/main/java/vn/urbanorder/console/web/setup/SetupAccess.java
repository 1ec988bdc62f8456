package vn.urbanorder.console.web.setup;

import java.util.Map;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The ward's set-up is the ward admin's. Its readings are open to everyone of the ward in the
 * API, so each page checks the role itself and answers the console's 403 page to everyone else.
 */
final class SetupAccess {

    private SetupAccess() {}

    static Mono<Caller> wardAdmin() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.WARD_ADMIN)
                        ? Mono.just(caller)
                        : Mono.error(new ApiProblem(403, Map.of("detail", "Chỉ cán bộ quản trị của phường."))));
    }
}
