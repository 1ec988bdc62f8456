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
import vn.urbanorder.api.model.UserChangesDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * One person of the ward: their roles, unit and contact changed, their account locked or opened
 * again, their password reset to a one-time one. Another ward's person is the API's 404.
 */
@Controller
class PersonPageController {

    private final ConsoleApi api;
    private final WardUnits units;
    private final OneTimePasswords passwords;
    private final PeopleTexts texts;

    PersonPageController(ConsoleApi api, WardUnits units, OneTimePasswords passwords, PeopleTexts texts) {
        this.api = api;
        this.units = units;
        this.passwords = passwords;
        this.texts = texts;
    }

    @GetMapping("/console/people/{id}")
    Mono<Rendering> person(@PathVariable UUID id, @RequestParam(required = false) @Nullable String saved) {
        return WardAdminAccess.peopleAdmin()
                .then(find(id))
                .flatMap(person -> page(person, PersonForm.sent(person), Map.of(), savedNotice(saved), HttpStatus.OK));
    }

    @PostMapping(path = "/console/people/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> change(@PathVariable UUID id, ServerWebExchange exchange) {
        return WardAdminAccess.peopleAdmin()
                .then(find(id))
                .zipWith(exchange.getFormData().map(SentForm::new))
                .flatMap(both -> {
                    UserDto person = both.getT1();
                    SentForm form = both.getT2();
                    Map<String, Object> sent = PersonForm.sent(form);
                    var changes = new UserChangesDto()
                            .displayName(form.text("displayName"))
                            .roles(PersonForm.roles(form));
                    String phone = form.text("phone");
                    if (!phone.isEmpty()) {
                        changes.phone(phone);
                    }
                    String unit = form.text("unitId");
                    if (unit.isEmpty()) {
                        if (person.getUnitId() != null) {
                            changes.removeUnit(true);
                        }
                    } else {
                        UUID unitId = SentForm.id(unit);
                        if (unitId == null) {
                            return page(
                                    person,
                                    sent,
                                    Map.of("unitId", texts.text("console.people.error.noSuchUnit")),
                                    "",
                                    HttpStatus.UNPROCESSABLE_CONTENT);
                        }
                        changes.unitId(unitId);
                    }
                    return patch(id, changes)
                            .map(changed -> saved(id, "details"))
                            .onErrorResume(
                                    ApiProblem.class,
                                    refused -> refused.status() == 422
                                            ? page(
                                                    person,
                                                    sent,
                                                    refused.fieldErrors(),
                                                    "",
                                                    HttpStatus.UNPROCESSABLE_CONTENT)
                                            : Mono.error(refused));
                });
    }

    /** Locks the account (which ends the person's sessions everywhere) or opens it again. */
    @PostMapping(path = "/console/people/{id}/active", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> active(@PathVariable UUID id, ServerWebExchange exchange) {
        return WardAdminAccess.peopleAdmin()
                .then(exchange.getFormData().map(SentForm::new))
                .flatMap(form -> {
                    boolean active = "true".equals(form.text("active"));
                    return patch(id, new UserChangesDto().active(active))
                            .map(changed -> saved(id, active ? "reactivated" : "deactivated"))
                            .onErrorResume(
                                    ApiProblem.class,
                                    refused -> refused.status() == 422
                                            ? find(id).flatMap(person -> page(
                                                    person,
                                                    PersonForm.sent(person),
                                                    refused.fieldErrors(),
                                                    "",
                                                    HttpStatus.UNPROCESSABLE_CONTENT))
                                            : Mono.error(refused));
                });
    }

    /** A new one-time password, shown on this answer only; every session of the person ends. */
    @PostMapping(path = "/console/people/{id}/password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> resetPassword(@PathVariable UUID id) {
        return WardAdminAccess.peopleAdmin().then(passwords.next()).flatMap(password -> patch(
                        id, new UserChangesDto().password(password))
                .map(person -> PersonForm.passwordOnce(person, password, false)));
    }

    private Mono<UserDto> find(UUID id) {
        return api.get(uri -> uri.path("/api/v1/users/{id}").build(id), UserDto.class);
    }

    private Mono<UserDto> patch(UUID id, UserChangesDto changes) {
        return api.exchange(
                client -> client.patch()
                        .uri("/api/v1/users/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(changes),
                UserDto.class);
    }

    private Mono<Rendering> page(
            UserDto person, Map<String, Object> sent, Map<String, String> errors, String notice, HttpStatus status) {
        return Mono.zip(WardAdminAccess.peopleAdmin(), units.names())
                .map(found -> Rendering.view("console/people/person")
                        .modelAttribute("person", person)
                        .modelAttribute("sent", sent)
                        .modelAttribute("errors", errors)
                        .modelAttribute("notice", notice)
                        .modelAttribute("roles", WardAdminAccess.rolesOffered(found.getT1()))
                        .modelAttribute("units", found.getT2())
                        .status(status)
                        .build());
    }

    private static Rendering saved(UUID id, String what) {
        return Rendering.redirectTo("/console/people/" + id + "?saved=" + what)
                .status(HttpStatus.SEE_OTHER)
                .build();
    }

    /** Only the notices this page knows; anything else in the address shows nothing. */
    private static String savedNotice(@Nullable String saved) {
        return saved != null
                        && java.util.Set.of("details", "deactivated", "reactivated")
                                .contains(saved)
                ? saved
                : "";
    }
}
