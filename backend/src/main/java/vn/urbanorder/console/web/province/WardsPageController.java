package vn.urbanorder.console.web.province;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ProvinceWardDetailDto;
import vn.urbanorder.api.model.ProvinceWardDto;
import vn.urbanorder.api.model.ProvinceWardListDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * The province's wards: a list with each ward's admins and a map of their areas, for both of the
 * province's roles; a new ward (code, name, area from a GeoJSON file or pasted, the date it holds
 * from) for the province admin. Every change is the API's, as the signed-in admin.
 */
@Controller
class WardsPageController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** The fields of the new ward form, as the API names them. */
    private static final List<String> FIELDS = List.of("code", "name", "serviceArea", "effectiveFrom");

    private final ConsoleApi api;
    private final ProvinceTexts texts;

    WardsPageController(ConsoleApi api, ProvinceTexts texts) {
        this.api = api;
        this.texts = texts;
    }

    @GetMapping("/console/province/wards")
    Mono<Rendering> list(
            @RequestParam(required = false) @Nullable Integer added,
            @RequestParam(required = false) @Nullable Integer changed,
            @RequestParam(required = false) @Nullable Integer unchanged,
            @RequestParam(required = false) @Nullable String from) {
        return ProvinceAccess.officer().then(wards()).map(wards -> {
            var page = Rendering.view("console/province/wards").modelAttribute("wards", wards);
            if (added != null && changed != null && unchanged != null && from != null) {
                page.modelAttribute(
                        "imported", texts.text("console.province.import.done", added, changed, unchanged, from));
            }
            return page.build();
        });
    }

    /** The wards' areas in force, for the pages' maps. */
    @GetMapping("/console/province/wards.geojson")
    @ResponseBody
    Mono<ResponseEntity<Map<String, Object>>> shapes() {
        return ProvinceAccess.officer().then(wards()).map(wards -> ResponseEntity.ok()
                .contentType(GEO_JSON)
                .cacheControl(CacheControl.noStore())
                .body(WardShapes.wards(wards)));
    }

    @GetMapping("/console/province/wards/new")
    Mono<Rendering> blank() {
        return ProvinceAccess.admin().map(admin -> form(Map.of(), Map.of(), List.of(), HttpStatus.OK));
    }

    @PostMapping(path = "/console/province/wards", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> create(ServerWebExchange exchange) {
        return ProvinceAccess.admin()
                .then(exchange.getMultipartData())
                .flatMap(parts -> AreaInput.from(parts).flatMap(area -> create(parts, area)))
                .onErrorResume(
                        DataBufferLimitException.class,
                        tooLarge -> Mono.just(form(
                                Map.of(),
                                Map.of("serviceArea", texts.text("console.province.area.tooLarge")),
                                List.of(),
                                HttpStatus.CONTENT_TOO_LARGE)));
    }

    private Mono<Rendering> create(MultiValueMap<String, Part> parts, AreaInput area) {
        Map<String, String> sent = new LinkedHashMap<>();
        for (String field : List.of("code", "name", "effectiveFrom", "area")) {
            sent.put(field, AreaInput.text(parts, field));
        }
        if (area.geometry() == null) {
            return Mono.just(form(
                    sent,
                    Map.of("serviceArea", texts.text(String.valueOf(area.problem()))),
                    List.of(),
                    HttpStatus.UNPROCESSABLE_CONTENT));
        }
        Map<String, Object> ward = new LinkedHashMap<>();
        ward.put("code", sent.get("code"));
        ward.put("name", sent.get("name"));
        ward.put("serviceArea", area.geometry());
        String from = AreaInput.text(parts, "effectiveFrom");
        if (!from.isEmpty()) {
            ward.put("effectiveFrom", from);
        }
        return api.exchange(
                        client -> client.post()
                                .uri("/api/v1/wards")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(ward),
                        ProvinceWardDetailDto.class)
                .map(created -> Rendering.redirectTo("/console/province/wards/" + created.getId() + "?saved=created")
                        .status(HttpStatus.SEE_OTHER)
                        .build())
                .onErrorResume(ApiProblem.class, refused -> switch (refused.status()) {
                    case 400, 422 -> Mono.just(refusedForm(sent, refused));
                    case 409 ->
                        Mono.just(form(
                                sent,
                                Map.of("code", String.valueOf(refused.detail())),
                                List.of(),
                                HttpStatus.CONFLICT));
                    default -> Mono.error(refused);
                });
    }

    /** The API's field errors beside the form's fields; any other listed above the form. */
    private static Rendering refusedForm(Map<String, String> sent, ApiProblem refused) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> other = new java.util.ArrayList<>();
        refused.fieldErrors().forEach((field, message) -> {
            String known = FIELDS.stream()
                    .filter(name -> field.equals(name) || field.startsWith(name + ".") || field.startsWith(name + "["))
                    .findFirst()
                    .orElse(null);
            if (known == null) {
                other.add(field + ": " + message);
            } else {
                byField.merge(known, message, (a, b) -> a + " " + b);
            }
        });
        if (byField.isEmpty() && other.isEmpty() && refused.detail() != null) {
            other.add(refused.detail());
        }
        return form(sent, byField, other, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private static Rendering form(
            Map<String, String> sent, Map<String, String> errors, List<String> otherErrors, HttpStatus status) {
        return Rendering.view("console/province/ward-new")
                .modelAttribute("sent", sent)
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", otherErrors)
                .status(status)
                .build();
    }

    private Mono<List<ProvinceWardDto>> wards() {
        return api.get(uri -> uri.path("/api/v1/wards").build(), ProvinceWardListDto.class)
                .map(ProvinceWardListDto::getItems);
    }
}
