package vn.urbanorder.console.web.people;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.NewUserDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.Role;

/** The ward's people: who they are, what they do, when they last signed in; and a new person. */
@Controller
class PeoplePageController {

    static final int PAGE_SIZE = 50;

    private final ConsoleApi api;
    private final WardUnits units;
    private final OneTimePasswords passwords;
    private final PeopleTexts texts;

    PeoplePageController(ConsoleApi api, WardUnits units, OneTimePasswords passwords, PeopleTexts texts) {
        this.api = api;
        this.units = units;
        this.passwords = passwords;
        this.texts = texts;
    }

    @GetMapping("/console/people")
    Mono<Rendering> list(
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String active,
            @RequestParam(defaultValue = "0") String page) {
        String roleShown = Arrays.stream(Role.values())
                .map(Role::name)
                .filter(name -> name.equals(role))
                .findFirst()
                .orElse("");
        String activeShown = "true".equals(active) ? "true" : "false".equals(active) ? "false" : "";
        int pageShown = pageNumber(page);
        return WardAdminAccess.peopleAdmin()
                .flatMap(admin -> Mono.zip(
                        api.get(
                                uri -> {
                                    uri.path("/api/v1/users")
                                            .queryParam("page", pageShown)
                                            .queryParam("size", PAGE_SIZE);
                                    if (!roleShown.isEmpty()) {
                                        uri.queryParam("role", roleShown);
                                    }
                                    if (!activeShown.isEmpty()) {
                                        uri.queryParam("active", activeShown);
                                    }
                                    return uri.build();
                                },
                                UserPageDto.class),
                        units.names(),
                        Mono.just(WardAdminAccess.rolesOffered(admin))))
                .map(found -> {
                    UserPageDto people = found.getT1();
                    long pages = Math.max(1, (people.getTotalItems() + PAGE_SIZE - 1) / PAGE_SIZE);
                    return Rendering.view("console/people/people")
                            .modelAttribute("people", people.getItems())
                            .modelAttribute("total", people.getTotalItems())
                            .modelAttribute("page", pageShown)
                            .modelAttribute("pages", pages)
                            .modelAttribute("role", roleShown)
                            .modelAttribute("active", activeShown)
                            .modelAttribute("roles", found.getT3())
                            .modelAttribute("units", found.getT2())
                            .build();
                });
    }

    @GetMapping("/console/people/new")
    Mono<Rendering> blank() {
        Map<String, Object> sent =
                Map.of("username", "", "displayName", "", "phone", "", "roles", List.of(), "unitId", "");
        return WardAdminAccess.peopleAdmin().then(form(sent, Map.of(), HttpStatus.OK));
    }

    /**
     * Creates the person with a one-time password made here, shown once on the answer and kept
     * nowhere: the API stores only its hash.
     */
    @PostMapping(path = "/console/people", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> create(ServerWebExchange exchange) {
        return WardAdminAccess.peopleAdmin()
                .then(exchange.getFormData())
                .map(SentForm::new)
                .flatMap(form -> {
                    Map<String, Object> sent = PersonForm.sent(form);
                    Map<String, String> errors = new LinkedHashMap<>();
                    var person = new NewUserDto()
                            .username(form.text("username"))
                            .displayName(form.text("displayName"))
                            .roles(PersonForm.roles(form));
                    String phone = form.text("phone");
                    if (!phone.isEmpty()) {
                        person.phone(phone);
                    }
                    String unit = form.text("unitId");
                    if (!unit.isEmpty()) {
                        var unitId = SentForm.id(unit);
                        if (unitId == null) {
                            errors.put("unitId", texts.text("console.people.error.noSuchUnit"));
                        } else {
                            person.unitId(unitId);
                        }
                    }
                    if (!errors.isEmpty()) {
                        return form(sent, errors, HttpStatus.UNPROCESSABLE_CONTENT);
                    }
                    return passwords.next().flatMap(password -> api.exchange(
                                    client -> client.post()
                                            .uri("/api/v1/users")
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .bodyValue(person.password(password)),
                                    UserDto.class)
                            .map(created -> PersonForm.passwordOnce(created, password, true))
                            .onErrorResume(ApiProblem.class, refused -> switch (refused.status()) {
                                case 422 -> form(sent, refused.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
                                case 409 ->
                                    form(
                                            sent,
                                            Map.of("username", String.valueOf(refused.detail())),
                                            HttpStatus.CONFLICT);
                                default -> Mono.error(refused);
                            }));
                });
    }

    private Mono<Rendering> form(Map<String, Object> sent, Map<String, String> errors, HttpStatus status) {
        return Mono.zip(WardAdminAccess.peopleAdmin(), units.names())
                .map(found -> Rendering.view("console/people/person-new")
                        .modelAttribute("sent", sent)
                        .modelAttribute("errors", errors)
                        .modelAttribute("roles", WardAdminAccess.rolesOffered(found.getT1()))
                        .modelAttribute("units", found.getT2())
                        .status(status)
                        .build());
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page), 100_000));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
