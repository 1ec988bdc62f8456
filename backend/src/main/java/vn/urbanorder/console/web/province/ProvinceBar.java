package vn.urbanorder.console.web.province;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ProvinceSummaryDto;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.Caller;

/**
 * The console's bar names a province officer's province ({@code GET /api/v1/province}, asked as
 * them); for everyone else nothing is asked. A page still renders without it.
 */
@ControllerAdvice(basePackages = "vn.urbanorder.console.web")
class ProvinceBar {

    private final ConsoleApi api;

    ProvinceBar(ConsoleApi api) {
        this.api = api;
    }

    @ModelAttribute("province")
    Mono<ProvinceSummaryDto> province() {
        return Caller.current()
                .filter(Caller::ofProvince)
                .flatMap(officer -> api.get(uri -> uri.path("/api/v1/province").build(), ProvinceSummaryDto.class))
                .onErrorResume(notNow -> Mono.empty());
    }
}
