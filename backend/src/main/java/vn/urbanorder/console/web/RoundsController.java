package vn.urbanorder.console.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.InspectionRoundDetailDto;
import vn.urbanorder.api.model.InspectionRoundListDto;
import vn.urbanorder.api.model.NewInspectionRoundDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.Caller;

/** Inspection rounds (đợt kiểm tra): the ward's list, a form to start one, and a round with what it found. */
@Controller
class RoundsController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A person who may walk a round. */
    record Member(UUID id, String name) {}

    private final ConsoleApi api;
    private final InspectorLists lists;

    RoundsController(ConsoleApi api, InspectorLists lists) {
        this.api = api;
        this.lists = lists;
    }

    @GetMapping("/console/rounds")
    Mono<Rendering> rounds() {
        LocalDate today = LocalDate.now(VIETNAM);
        Map<String, Object> sent = Map.of(
                "title",
                "",
                "startedOn",
                today.toString(),
                "endedOn",
                today.toString(),
                "zoneCodes",
                List.of(),
                "memberIds",
                List.of(),
                "notes",
                "");
        return InspectorAccess.inspectorOrAdmin().flatMap(caller -> page(caller, sent, Map.of(), HttpStatus.OK));
    }

    @PostMapping(path = "/console/rounds", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> start(ServerWebExchange exchange) {
        return InspectorAccess.inspectorOrAdmin()
                .flatMap(caller -> exchange.getFormData().flatMap(form -> {
                    Map<String, Object> sent = sent(form);
                    Map<String, String> errors = new LinkedHashMap<>();
                    LocalDate startedOn = date(form.getFirst("startedOn"), "startedOn", errors);
                    LocalDate endedOn = date(form.getFirst("endedOn"), "endedOn", errors);
                    if (!errors.isEmpty()) {
                        return page(caller, sent, errors, HttpStatus.UNPROCESSABLE_ENTITY);
                    }
                    var round = new NewInspectionRoundDto()
                            .title(String.valueOf(sent.get("title")))
                            .startedOn(startedOn)
                            .endedOn(endedOn)
                            .zoneCodes(values(form, "zoneCodes"))
                            .memberIds(values(form, "memberIds").stream()
                                    .map(InspectorLists::idOrNull)
                                    .filter(Objects::nonNull)
                                    .toList());
                    String notes = String.valueOf(sent.get("notes"));
                    if (!notes.isBlank()) {
                        round.notes(notes);
                    }
                    return api.exchange(
                                    client -> client.post()
                                            .uri("/api/v1/inspection-rounds")
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .bodyValue(round),
                                    InspectionRoundDetailDto.class)
                            .map(created -> Rendering.redirectTo("/console/rounds/"
                                            + created.getRound().getId())
                                    .status(HttpStatus.SEE_OTHER)
                                    .build())
                            .onErrorResume(
                                    ApiProblem.class,
                                    refused -> refused.status() == 422
                                            ? page(caller, sent, refused.fieldErrors(), HttpStatus.UNPROCESSABLE_ENTITY)
                                            : Mono.error(refused));
                }));
    }

    /** The round, its counts per category, and its reports (newest first, up to 200). */
    @GetMapping("/console/rounds/{id}")
    Mono<Rendering> round(@PathVariable UUID id) {
        return InspectorAccess.inspectorOrAdmin().flatMap(caller -> Mono.zip(
                        api.get(
                                uri -> uri.path("/api/v1/inspection-rounds/{id}")
                                        .build(id),
                                InspectionRoundDetailDto.class),
                        api.get(
                                uri -> uri.path("/api/v1/reports")
                                        .queryParam("inspectionRoundId", id)
                                        .queryParam("limit", 200)
                                        .build(),
                                ReportPageDto.class),
                        lists.categories(),
                        lists.zones())
                .map(found -> Rendering.view("console/round")
                        .modelAttribute("detail", found.getT1())
                        .modelAttribute("reports", found.getT2().getItems())
                        .modelAttribute("more", found.getT2().getNextCursor() != null)
                        .modelAttribute("categories", found.getT3())
                        .modelAttribute("zoneNames", zoneNames(found.getT4()))
                        .build()));
    }

    private Mono<Rendering> page(
            Caller caller, Map<String, Object> sent, Map<String, String> errors, HttpStatus status) {
        return Mono.zip(
                        api.get(uri -> uri.path("/api/v1/inspection-rounds").build(), InspectionRoundListDto.class),
                        lists.zones(),
                        members(caller))
                .map(found -> Rendering.view("console/rounds")
                        .modelAttribute("rounds", found.getT1().getItems())
                        .modelAttribute("zones", found.getT2())
                        .modelAttribute("zoneNames", zoneNames(found.getT2()))
                        .modelAttribute("members", found.getT3())
                        .modelAttribute("sent", sent)
                        .modelAttribute("errors", errors)
                        .status(status)
                        .build());
    }

    /**
     * Who may be named on a round: active patrols and inspectors, where the API lets the caller
     * list users (ward admins); an inspector, who may not, can name only themself.
     */
    private Mono<List<Member>> members(Caller caller) {
        Mono<List<Member>> listed = Mono.zip(users("PATROL"), users("INSPECTOR"))
                .map(both -> {
                    var all = new LinkedHashMap<UUID, Member>();
                    for (UserDto user : both.getT1()) {
                        all.put(
                                user.getId(),
                                new Member(user.getId(), user.getDisplayName() + " (" + user.getUsername() + ")"));
                    }
                    for (UserDto user : both.getT2()) {
                        all.put(
                                user.getId(),
                                new Member(user.getId(), user.getDisplayName() + " (" + user.getUsername() + ")"));
                    }
                    return List.copyOf(all.values());
                });
        return listed.onErrorResume(
                ApiProblem.class,
                refused -> refused.status() == 403
                        ? Mono.just(List.of(new Member(caller.userId(), caller.username())))
                        : Mono.error(refused));
    }

    private Mono<List<UserDto>> users(String role) {
        return api.get(
                        uri -> uri.path("/api/v1/users")
                                .queryParam("role", role)
                                .queryParam("active", true)
                                .queryParam("size", 200)
                                .build(),
                        UserPageDto.class)
                .map(UserPageDto::getItems);
    }

    /** Zone and segment names by code, for the templates: a method call, not a map index. */
    record ZoneNames(Map<String, String> byCode) {
        public String label(String code) {
            return byCode.getOrDefault(code, code);
        }
    }

    private static ZoneNames zoneNames(List<ConsoleZones.Zone> zones) {
        var names = new LinkedHashMap<String, String>();
        zones.forEach(zone -> names.put(zone.code(), zone.name()));
        return new ZoneNames(names);
    }

    private static Map<String, Object> sent(MultiValueMap<String, String> form) {
        return Map.of(
                "title", text(form.getFirst("title")),
                "startedOn", text(form.getFirst("startedOn")),
                "endedOn", text(form.getFirst("endedOn")),
                "zoneCodes", values(form, "zoneCodes"),
                "memberIds", values(form, "memberIds"),
                "notes", text(form.getFirst("notes")));
    }

    private static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> found = form.get(name);
        return found == null
                ? List.of()
                : new ArrayList<>(found.stream().filter(v -> !v.isBlank()).toList());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
        try {
            return LocalDate.parse(text(value));
        } catch (DateTimeParseException notADate) {
            errors.put(field, "Hãy chọn một ngày.");
            return null;
        }
    }
}
