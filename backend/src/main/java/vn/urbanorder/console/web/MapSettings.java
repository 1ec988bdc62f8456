package vn.urbanorder.console.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.urbanorder.console.ConsoleMapProperties;

/** The tile server, for every console page that draws a map (the ward's, and a report's place). */
@ControllerAdvice(basePackages = "vn.urbanorder.console.web")
class MapSettings {

    private final ConsoleMapProperties map;

    MapSettings(ConsoleMapProperties map) {
        this.map = map;
    }

    @ModelAttribute("mapTiles")
    ConsoleMapProperties tiles() {
        return map;
    }
}
