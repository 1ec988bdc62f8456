package vn.urbanorder.console.web;

import java.util.Map;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The inspectors' pages (review queue, rounds, scorecards) are for inspectors and ward admins.
 * Some of their API reads are open to any signed-in user, so the page checks the role itself and
 * answers the console's 403 page to everyone else.
 */
final class InspectorAccess {

    private InspectorAccess() {}

    static Mono<Caller> inspectorOrAdmin() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.INSPECTOR) || caller.has(Role.WARD_ADMIN)
                        ? Mono.just(caller)
                        : Mono.error(new ApiProblem(403, Map.of("detail", "Chỉ thành viên MTTQ và cán bộ phường."))));
    }
}
