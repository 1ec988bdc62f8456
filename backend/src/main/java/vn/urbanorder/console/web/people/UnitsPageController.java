package vn.urbanorder.console.web.people;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.NewUnitDto;
import vn.urbanorder.api.model.UnitChangesDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitKindDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * The ward's units (đơn vị): the list and a new one; one unit renamed, its kind or phone changed,
 * closed to new reports or opened again. Its code never changes: zones and rules name it.
 */
@Controller
class UnitsPageController {

    private final ConsoleApi api;
    private final WardUnits units;
    private final PeopleTexts texts;

    UnitsPageController(ConsoleApi api, WardUnits units, PeopleTexts texts) {
        this.api = api;
        this.units = units;
        this.texts = texts;
    }

    @GetMapping("/console/units")
    Mono<Rendering> list() {
        return WardAdminAccess.wardAdmin()
                .then(list(Map.of("code", "", "name", "", "kind", "", "contactPhone", ""), Map.of(), HttpStatus.OK));
    }

    @PostMapping(path = "/console/units", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> create(ServerWebExchange exchange) {
        return WardAdminAccess.wardAdmin()
                .then(exchange.getFormData())
                .map(SentForm::new)
                .flatMap(form -> {
                    Map<String, Object> sent = sent(form);
                    UnitKindDto kind = kind(form.text("kind"));
                    if (kind == null) {
                        return list(
                                sent,
                                Map.of("kind", texts.text("console.units.error.chooseKind")),
                                HttpStatus.UNPROCESSABLE_CONTENT);
                    }
                    var unit = new NewUnitDto()
                            .code(form.text("code"))
                            .name(form.text("name"))
                            .kind(kind);
                    String phone = form.text("contactPhone");
                    if (!phone.isEmpty()) {
                        unit.contactPhone(phone);
                    }
                    return api.exchange(
                                    client -> client.post()
                                            .uri("/api/v1/units")
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .bodyValue(unit),
                                    UnitDto.class)
                            .map(created -> saved(created.getId(), "created"))
                            .onErrorResume(ApiProblem.class, refused -> switch (refused.status()) {
                                case 422 -> list(sent, refused.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
                                case 409 ->
                                    list(sent, Map.of("code", String.valueOf(refused.detail())), HttpStatus.CONFLICT);
                                default -> Mono.error(refused);
                            });
                });
    }

    @GetMapping("/console/units/{id}")
    Mono<Rendering> unit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String saved) {
        String notice = saved != null
                        && java.util.Set.of("created", "details", "deactivated", "reactivated")
                                .contains(saved)
                ? saved
                : "";
        return WardAdminAccess.wardAdmin()
                .then(find(id))
                .map(unit -> unitPage(unit, sent(unit), Map.of(), notice, HttpStatus.OK));
    }

    @PostMapping(path = "/console/units/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> change(@PathVariable UUID id, ServerWebExchange exchange) {
        return WardAdminAccess.wardAdmin()
                .then(find(id))
                .zipWith(exchange.getFormData().map(SentForm::new))
                .flatMap(both -> {
                    UnitDto unit = both.getT1();
                    SentForm form = both.getT2();
                    Map<String, Object> sent = sent(form);
                    UnitKindDto kind = kind(form.text("kind"));
                    if (kind == null) {
                        return Mono.just(unitPage(
                                unit,
                                sent,
                                Map.of("kind", texts.text("console.units.error.chooseKind")),
                                "",
                                HttpStatus.UNPROCESSABLE_CONTENT));
                    }
                    // An empty phone clears it (the API keeps none for a blank one).
                    var changes = new UnitChangesDto()
                            .name(form.text("name"))
                            .kind(kind)
                            .contactPhone(form.text("contactPhone"));
                    return patch(id, changes)
                            .map(changed -> saved(id, "details"))
                            .onErrorResume(
                                    ApiProblem.class,
                                    refused -> refused.status() == 422
                                            ? Mono.just(unitPage(
                                                    unit,
                                                    sent,
                                                    refused.fieldErrors(),
                                                    "",
                                                    HttpStatus.UNPROCESSABLE_CONTENT))
                                            : Mono.error(refused));
                });
    }

    /** A closed unit takes no new reports; those it holds stay with it. */
    @PostMapping(path = "/console/units/{id}/active", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> active(@PathVariable UUID id, ServerWebExchange exchange) {
        return WardAdminAccess.wardAdmin()
                .then(exchange.getFormData().map(SentForm::new))
                .flatMap(form -> {
                    boolean active = "true".equals(form.text("active"));
                    return patch(id, new UnitChangesDto().active(active))
                            .map(changed -> saved(id, active ? "reactivated" : "deactivated"));
                });
    }

    private Mono<Rendering> list(Map<String, Object> sent, Map<String, String> errors, HttpStatus status) {
        return units.names().map(names -> Rendering.view("console/people/units")
                .modelAttribute("units", names.units())
                .modelAttribute("kinds", UnitKindDto.values())
                .modelAttribute("sent", sent)
                .modelAttribute("errors", errors)
                .status(status)
                .build());
    }

    private static Rendering unitPage(
            UnitDto unit, Map<String, Object> sent, Map<String, String> errors, String notice, HttpStatus status) {
        return Rendering.view("console/people/unit")
                .modelAttribute("unit", unit)
                .modelAttribute("kinds", UnitKindDto.values())
                .modelAttribute("sent", sent)
                .modelAttribute("errors", errors)
                .modelAttribute("notice", notice)
                .status(status)
                .build();
    }

    private Mono<UnitDto> find(UUID id) {
        return api.get(uri -> uri.path("/api/v1/units/{id}").build(id), UnitDto.class);
    }

    private Mono<UnitDto> patch(UUID id, UnitChangesDto changes) {
        return api.exchange(
                client -> client.patch()
                        .uri("/api/v1/units/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(changes),
                UnitDto.class);
    }

    private static Rendering saved(UUID id, String what) {
        return Rendering.redirectTo("/console/units/" + id + "?saved=" + what)
                .status(HttpStatus.SEE_OTHER)
                .build();
    }

    private static Map<String, Object> sent(SentForm form) {
        return Map.of(
                "code", form.text("code"),
                "name", form.text("name"),
                "kind", form.text("kind"),
                "contactPhone", form.text("contactPhone"));
    }

    private static Map<String, Object> sent(UnitDto unit) {
        return Map.of(
                "code", unit.getCode(),
                "name", unit.getName(),
                "kind", unit.getKind().getValue(),
                "contactPhone", unit.getContactPhone() == null ? "" : unit.getContactPhone());
    }

    private static @Nullable UnitKindDto kind(String value) {
        try {
            return UnitKindDto.fromValue(value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
