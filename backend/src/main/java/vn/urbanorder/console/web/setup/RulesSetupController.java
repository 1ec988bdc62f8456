package vn.urbanorder.console.web.setup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.AssignmentRuleDto;
import vn.urbanorder.api.model.AssignmentRuleListDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * The assignment rules as a form: one row per rule (a zone or a segment, a category, the unit),
 * a few blank rows to add one, a box to remove one. Saved whole: the API refuses the whole list
 * when any rule is wrong, and its errors are shown beside the row and field they name.
 */
@Controller
class RulesSetupController {

    /** Blank rows offered for new rules; more after saving. */
    static final int BLANK_ROWS = 3;

    /** One row of the form, as shown or as sent. */
    record Row(String zoneCode, String segmentCode, String category, String unitCode) {

        static final Row BLANK = new Row("", "", "", "");

        public boolean blank() {
            return zoneCode.isEmpty() && segmentCode.isEmpty() && category.isEmpty() && unitCode.isEmpty();
        }

        static Row of(AssignmentRuleDto rule) {
            return new Row(
                    SetupForms.text(rule.getZoneCode()),
                    SetupForms.text(rule.getSegmentCode()),
                    SetupForms.text(rule.getCategory()),
                    SetupForms.text(rule.getUnitCode()));
        }

        AssignmentRuleDto toApi() {
            return new AssignmentRuleDto()
                    .zoneCode(SetupForms.blankToNull(zoneCode))
                    .segmentCode(SetupForms.blankToNull(segmentCode))
                    .category(SetupForms.blankToNull(category))
                    .unitCode(unitCode);
        }
    }

    private final ConsoleApi api;
    private final SetupLists lists;

    RulesSetupController(ConsoleApi api, SetupLists lists) {
        this.api = api;
        this.lists = lists;
    }

    @GetMapping("/console/setup/rules")
    Mono<Rendering> page(@RequestParam(required = false) @Nullable String saved) {
        return SetupAccess.wardAdmin()
                .then(api.get(uri -> uri.path("/api/v1/assignment-rules").build(), AssignmentRuleListDto.class))
                .flatMap(rules -> {
                    List<Row> rows = new ArrayList<>(
                            rules.getRules().stream().map(Row::of).toList());
                    return page(rows, Set.of(), RowErrors.none(), saved != null, HttpStatus.OK);
                });
    }

    @PostMapping(path = "/console/setup/rules", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> save(ServerWebExchange exchange) {
        return SetupAccess.wardAdmin().then(exchange.getFormData()).flatMap(form -> {
            List<Row> rows = rows(form);
            Set<Integer> removed = removed(form);
            List<AssignmentRuleDto> sent = new ArrayList<>();
            List<Integer> rowOfSent = new ArrayList<>();
            for (int row = 0; row < rows.size(); row++) {
                if (!removed.contains(row) && !rows.get(row).blank()) {
                    sent.add(rows.get(row).toApi());
                    rowOfSent.add(row);
                }
            }
            return api.exchange(
                            client -> client.put()
                                    .uri("/api/v1/assignment-rules")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(new AssignmentRuleListDto().rules(sent)),
                            AssignmentRuleListDto.class)
                    .map(stored -> Rendering.redirectTo("/console/setup/rules?saved=1")
                            .status(HttpStatus.SEE_OTHER)
                            .build())
                    .onErrorResume(
                            ApiProblem.class,
                            refused -> refused.status() == 422
                                    ? page(
                                            rows,
                                            removed,
                                            RowErrors.of(refused.fieldErrors(), "rules", rowOfSent),
                                            false,
                                            HttpStatus.UNPROCESSABLE_CONTENT)
                                    : Mono.error(refused));
        });
    }

    private Mono<Rendering> page(
            List<Row> rows, Set<Integer> removed, RowErrors errors, boolean saved, HttpStatus status) {
        List<Row> shown = new ArrayList<>(rows);
        long blanks = shown.stream().filter(Row::blank).count();
        for (long i = blanks; i < BLANK_ROWS; i++) {
            shown.add(Row.BLANK);
        }
        return Mono.zip(lists.places(), lists.categories(), lists.units())
                .map(found -> Rendering.view("console/setup/rules")
                        .modelAttribute("rows", shown)
                        .modelAttribute("removed", removed)
                        .modelAttribute("errors", errors)
                        .modelAttribute("unplaced", errors.unplaced(Set.of()))
                        .modelAttribute("saved", saved)
                        .modelAttribute("places", found.getT1())
                        .modelAttribute("categories", found.getT2())
                        .modelAttribute("units", found.getT3())
                        .status(status)
                        .build());
    }

    private static List<Row> rows(MultiValueMap<String, String> form) {
        int count = SetupForms.rows(form, "unitCode");
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            rows.add(new Row(
                    SetupForms.at(form, "zoneCode", row),
                    SetupForms.at(form, "segmentCode", row),
                    SetupForms.at(form, "category", row),
                    SetupForms.at(form, "unitCode", row)));
        }
        return rows;
    }

    static Set<Integer> removed(MultiValueMap<String, String> form, String name) {
        Set<Integer> removed = new HashSet<>();
        List<String> values = form.get(name);
        if (values != null) {
            for (String value : values) {
                try {
                    removed.add(Integer.valueOf(value.strip()));
                } catch (NumberFormatException ignored) {
                    // Not a row of this form.
                }
            }
        }
        return removed;
    }

    private static Set<Integer> removed(MultiValueMap<String, String> form) {
        return removed(form, "remove");
    }
}
