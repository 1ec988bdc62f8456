package vn.urbanorder.console.web.province;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** The province's wards: the list and map for its officers, a new ward for its admin. */
@Controller
class WardsPageController {

    @GetMapping("/console/province/wards")
    Mono<Rendering> list() {
        return ProvinceAccess.officer()
                .map(officer -> Rendering.view("console/province/figures").build());
    }

    @GetMapping("/console/province/wards/new")
    Mono<Rendering> blank() {
        return ProvinceAccess.admin()
                .map(officer -> Rendering.view("console/province/figures").build());
    }
}
