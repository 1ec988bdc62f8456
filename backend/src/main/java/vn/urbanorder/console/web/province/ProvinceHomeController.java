package vn.urbanorder.console.web.province;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** A province officer's home: the province's figures. */
@Controller
class ProvinceHomeController {

    @GetMapping("/console/province")
    Mono<Rendering> home() {
        return ProvinceAccess.officer()
                .map(officer -> Rendering.view("console/province/figures").build());
    }
}
