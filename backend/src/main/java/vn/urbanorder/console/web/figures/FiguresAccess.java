package vn.urbanorder.console.web.figures;

import java.util.Map;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The ward's figures are for ward admins and inspectors (MTTQ), as the API's are: the page checks
 * it too, so everyone else meets the console's 403 page before anything is asked of the API.
 */
final class FiguresAccess {

    private FiguresAccess() {}

    static Mono<Caller> adminOrInspector() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.WARD_ADMIN) || caller.has(Role.INSPECTOR)
                        ? Mono.just(caller)
                        : Mono.error(new ApiProblem(
                                403, Map.of("detail", "Chỉ cán bộ quản trị phường và thành viên MTTQ xem số liệu."))));
    }
}
