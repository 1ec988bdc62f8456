package vn.urbanorder.console.web.province;

import java.util.Map;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The province's pages are its officers': the figures and the list of wards for both, every change
 * to a ward for the province admin. The pages check it themselves, so a ward's people meet the
 * console's 403 page before the API is asked anything.
 */
final class ProvinceAccess {

    private ProvinceAccess() {}

    static Mono<Caller> officer() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.PROVINCE_ADMIN) || caller.has(Role.PROVINCE_INSPECTOR)
                        ? Mono.just(caller)
                        : Mono.error(refused("Chỉ cán bộ cấp tỉnh.")));
    }

    static Mono<Caller> admin() {
        return Caller.current()
                .flatMap(caller -> caller.has(Role.PROVINCE_ADMIN)
                        ? Mono.just(caller)
                        : Mono.error(refused("Chỉ cán bộ quản trị tỉnh.")));
    }

    private static ApiProblem refused(String detail) {
        return new ApiProblem(403, Map.of("detail", detail));
    }
}
