package vn.urbanorder.console.web.province;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.NewWardAdminDto;
import vn.urbanorder.api.model.ProvinceWardDetailDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.api.model.WardChangesDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.console.web.people.OneTimePasswords;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * One ward of the province: its name, its service area's versions on a map, and its admins. The
 * province admin renames it, gives it a new area from a date on, and creates its admins, each
 * with a one-time password shown once. Another province's ward is the API's 404.
 */
@Controller
class WardPageController {

    private static final Set<String> NOTICES = Set.of("created", "renamed", "area");

    private final ConsoleApi api;
    private final ProvinceTexts texts;
    private final OneTimePasswords passwords;

    WardPageController(ConsoleApi api, ProvinceTexts texts, OneTimePasswords passwords) {
        this.api = api;
        this.texts = texts;
        this.passwords = passwords;
    }

    /** What the forms of the page were sent, and what was wrong with it: one form at a time. */
    record Forms(String failed, Map<String, String> sent, Map<String, String> errors) {

        static Forms none() {
            return new Forms("", Map.of(), Map.of());
        }

        public String value(String field) {
            return sent.getOrDefault(field, "");
        }

        public @Nullable String error(String form, String field) {
            return form.equals(failed) ? errors.get(field) : null;
        }
    }

    @GetMapping("/console/province/wards/{id}")
    Mono<Rendering> ward(@PathVariable UUID id, @RequestParam(required = false) @Nullable String saved) {
        return ProvinceAccess.officer()
                .flatMap(officer -> page(
                        officer,
                        id,
                        Forms.none(),
                        saved != null && NOTICES.contains(saved) ? saved : "",
                        HttpStatus.OK));
    }

    /** The ward's area versions, for the page's map. */
    @GetMapping("/console/province/wards/{id}/areas.geojson")
    @ResponseBody
    Mono<ResponseEntity<Map<String, Object>>> areas(@PathVariable UUID id) {
        return ProvinceAccess.officer().then(find(id)).map(ward -> ResponseEntity.ok()
                .contentType(WardsPageController.GEO_JSON)
                .cacheControl(CacheControl.noStore())
                .body(WardShapes.versions(ward)));
    }

    @PostMapping(path = "/console/province/wards/{id}/name", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> rename(@PathVariable UUID id, ServerWebExchange exchange) {
        return ProvinceAccess.admin().flatMap(admin -> exchange.getFormData().flatMap(form -> {
            String name = text(form, "name");
            return api.exchange(
                            client -> client.patch()
                                    .uri("/api/v1/wards/{id}", id)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(new WardChangesDto().name(name)),
                            ProvinceWardDetailDto.class)
                    .map(renamed -> saved(id, "renamed"))
                    .onErrorResume(
                            ApiProblem.class,
                            refused -> refused.status() == 422
                                    ? page(
                                            admin,
                                            id,
                                            failed("name", Map.of("name", name), refused),
                                            "",
                                            status(refused))
                                    : Mono.error(refused));
        }));
    }

    @PostMapping(path = "/console/province/wards/{id}/area", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> newArea(@PathVariable UUID id, ServerWebExchange exchange) {
        return ProvinceAccess.admin().flatMap(admin -> exchange.getMultipartData()
                .flatMap(parts -> AreaInput.from(parts).flatMap(area -> newArea(admin, id, parts, area)))
                .onErrorResume(
                        DataBufferLimitException.class,
                        tooLarge -> page(
                                admin,
                                id,
                                new Forms(
                                        "area",
                                        Map.of(),
                                        Map.of("serviceArea", texts.text("console.province.area.tooLarge"))),
                                "",
                                HttpStatus.CONTENT_TOO_LARGE)));
    }

    private Mono<Rendering> newArea(
            Caller admin,
            UUID id,
            MultiValueMap<String, org.springframework.http.codec.multipart.Part> parts,
            AreaInput area) {
        String from = AreaInput.text(parts, "effectiveFrom");
        Map<String, String> sent = Map.of("effectiveFrom", from, "area", AreaInput.text(parts, "area"));
        if (area.geometry() == null) {
            return page(
                    admin,
                    id,
                    new Forms("area", sent, Map.of("serviceArea", texts.text(String.valueOf(area.problem())))),
                    "",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceArea", area.geometry());
        body.put("effectiveFrom", from);
        return api.exchange(
                        client -> client.post()
                                .uri("/api/v1/wards/{id}/areas", id)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body),
                        ProvinceWardDetailDto.class)
                .map(changed -> saved(id, "area"))
                .onErrorResume(
                        ApiProblem.class,
                        refused -> refused.status() == 422 || refused.status() == 400
                                ? page(admin, id, failed("area", sent, refused), "", status(refused))
                                : Mono.error(refused));
    }

    /**
     * A new admin of the ward with a one-time password made here, shown once on the answer and
     * kept nowhere; its owner changes it at first sign-in.
     */
    @PostMapping(path = "/console/province/wards/{id}/admins", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> newAdmin(@PathVariable UUID id, ServerWebExchange exchange) {
        return ProvinceAccess.admin().flatMap(admin -> exchange.getFormData().flatMap(form -> {
            String username = text(form, "username");
            String displayName = text(form, "displayName");
            String phone = text(form, "phone");
            Map<String, String> sent = Map.of("username", username, "displayName", displayName, "phone", phone);
            var person = new NewWardAdminDto().username(username).displayName(displayName);
            if (!phone.isEmpty()) {
                person.phone(phone);
            }
            return passwords.next().flatMap(password -> api.exchange(
                            client -> client.post()
                                    .uri("/api/v1/wards/{id}/admins", id)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(person.password(password)),
                            UserDto.class)
                    .zipWith(find(id))
                    .map(created -> Rendering.view("console/province/admin-once")
                            .modelAttribute("person", created.getT1())
                            .modelAttribute("ward", created.getT2())
                            .modelAttribute("password", password)
                            .header(HttpHeaders.CACHE_CONTROL, "no-store")
                            .build())
                    .onErrorResume(ApiProblem.class, refused -> switch (refused.status()) {
                        case 400, 422 -> page(admin, id, failed("admin", sent, refused), "", status(refused));
                        case 409 ->
                            page(
                                    admin,
                                    id,
                                    new Forms("admin", sent, Map.of("username", String.valueOf(refused.detail()))),
                                    "",
                                    HttpStatus.CONFLICT);
                        default -> Mono.error(refused);
                    }));
        }));
    }

    private Mono<Rendering> page(Caller officer, UUID id, Forms forms, String notice, HttpStatus status) {
        boolean admin = officer.has(Role.PROVINCE_ADMIN);
        Mono<List<UserDto>> admins = admin
                ? api.get(uri -> uri.path("/api/v1/wards/{id}/admins").build(id), UserPageDto.class)
                        .map(UserPageDto::getItems)
                : Mono.just(List.of());
        return Mono.zip(find(id), admins).map(found -> Rendering.view("console/province/ward")
                .modelAttribute("ward", found.getT1())
                .modelAttribute("states", WardShapes.states(found.getT1().getAreas()))
                .modelAttribute("admins", found.getT2())
                .modelAttribute("canChange", admin)
                .modelAttribute("forms", forms)
                .modelAttribute("notice", notice)
                .status(status)
                .build());
    }

    private Mono<ProvinceWardDetailDto> find(UUID id) {
        return api.get(uri -> uri.path("/api/v1/wards/{id}").build(id), ProvinceWardDetailDto.class);
    }

    /** The API's field errors by the form's field (the first part of the API's name for it). */
    private static Forms failed(String form, Map<String, String> sent, ApiProblem refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors()
                .forEach((field, message) ->
                        errors.merge(field.replaceAll("[.\\[].*$", ""), message, (a, b) -> a + " " + b));
        if (errors.isEmpty()) {
            errors.put("", refused.detail() == null ? "" : refused.detail());
        }
        return new Forms(form, sent, errors);
    }

    private static HttpStatus status(ApiProblem refused) {
        return HttpStatus.valueOf(refused.status());
    }

    private static Rendering saved(UUID id, String what) {
        return Rendering.redirectTo("/console/province/wards/" + id + "?saved=" + what)
                .status(HttpStatus.SEE_OTHER)
                .build();
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
