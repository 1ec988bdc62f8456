package vn.urbanorder.console.web.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.urbanorder.api.model.CategoryDto;
import vn.urbanorder.api.model.LocationPolicyDto;
import vn.urbanorder.api.model.LocationRuleDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * The location policy as a form: for each category, how near a report must be to join a
 * violation location, and how much shorter a repeat offence's deadline is. Saved whole; the API's
 * errors are shown beside the category's field they name.
 */
@Controller
class LocationsSetupController {

    /** One category's row, as typed. */
    record Row(String category, String name, String radiusM, String repeatDeadlineFactor) {}

    private final ConsoleApi api;
    private final SetupLists lists;

    LocationsSetupController(ConsoleApi api, SetupLists lists) {
        this.api = api;
        this.lists = lists;
    }

    @GetMapping("/console/setup/locations")
    Mono<Rendering> page(@RequestParam(required = false) @Nullable String saved) {
        return SetupAccess.wardAdmin()
                .then(Mono.zip(
                        api.get(uri -> uri.path("/api/v1/location-policy").build(), LocationPolicyDto.class),
                        lists.categories()))
                .map(found -> {
                    Map<String, LocationRuleDto> byCategory = new LinkedHashMap<>();
                    found.getT1().getCategories().forEach(rule -> byCategory.put(rule.getCategory(), rule));
                    List<Row> rows = new ArrayList<>();
                    for (CategoryDto category : found.getT2()) {
                        LocationRuleDto rule = byCategory.get(category.getCode());
                        if (rule != null) {
                            rows.add(new Row(
                                    category.getCode(),
                                    category.getName(),
                                    number(rule.getRadiusM()),
                                    number(rule.getRepeatDeadlineFactor())));
                        }
                    }
                    return page(rows, RowErrors.none(), saved != null, HttpStatus.OK);
                });
    }

    @PostMapping(path = "/console/setup/locations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> save(ServerWebExchange exchange) {
        return SetupAccess.wardAdmin()
                .then(Mono.zip(exchange.getFormData(), lists.categories()))
                .flatMap(found -> {
                    List<Row> rows = rows(found.getT1(), found.getT2());
                    RowErrors typed = RowErrors.none();
                    List<LocationRuleDto> sent = new ArrayList<>();
                    for (int row = 0; row < rows.size(); row++) {
                        Double radius = parsed(rows.get(row).radiusM());
                        Double factor = parsed(rows.get(row).repeatDeadlineFactor());
                        if (radius == null) {
                            typed.add(row, "radiusM", "Hãy nhập bán kính bằng số mét.");
                        }
                        if (factor == null) {
                            typed.add(row, "repeatDeadlineFactor", "Hãy nhập hệ số là một số, ví dụ 0,5.");
                        }
                        if (radius != null && factor != null) {
                            sent.add(new LocationRuleDto()
                                    .category(rows.get(row).category())
                                    .radiusM(radius)
                                    .repeatDeadlineFactor(factor));
                        }
                    }
                    if (typed.any()) {
                        return Mono.just(page(rows, typed, false, HttpStatus.UNPROCESSABLE_CONTENT));
                    }
                    List<Integer> rowOfSent = new ArrayList<>();
                    for (int row = 0; row < sent.size(); row++) {
                        rowOfSent.add(row);
                    }
                    return api.exchange(
                                    client -> client.put()
                                            .uri("/api/v1/location-policy")
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .bodyValue(new LocationPolicyDto().categories(sent)),
                                    LocationPolicyDto.class)
                            .map(stored -> Rendering.redirectTo("/console/setup/locations?saved=1")
                                    .status(HttpStatus.SEE_OTHER)
                                    .build())
                            .onErrorResume(
                                    ApiProblem.class,
                                    refused -> refused.status() == 422
                                            ? Mono.just(page(
                                                    rows,
                                                    RowErrors.of(refused.fieldErrors(), "categories", rowOfSent),
                                                    false,
                                                    HttpStatus.UNPROCESSABLE_CONTENT))
                                            : Mono.error(refused));
                });
    }

    private static Rendering page(List<Row> rows, RowErrors errors, boolean saved, HttpStatus status) {
        return Rendering.view("console/setup/locations")
                .modelAttribute("rows", rows)
                .modelAttribute("errors", errors)
                .modelAttribute("unplaced", errors.unplaced(java.util.Set.of()))
                .modelAttribute("saved", saved)
                .status(status)
                .build();
    }

    /** The categories' rows as typed, in the categories' order; a category the form did not send is left out. */
    private static List<Row> rows(MultiValueMap<String, String> form, List<CategoryDto> categories) {
        List<Row> rows = new ArrayList<>();
        for (CategoryDto category : categories) {
            String radius = form.getFirst("radiusM." + category.getCode());
            String factor = form.getFirst("repeatDeadlineFactor." + category.getCode());
            if (radius != null || factor != null) {
                rows.add(new Row(
                        category.getCode(), category.getName(), SetupForms.text(radius), SetupForms.text(factor)));
            }
        }
        return rows;
    }

    /** A number as a Vietnamese person may type it: a decimal comma is a decimal point. */
    private static @Nullable Double parsed(String text) {
        try {
            double value = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String number(@Nullable Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : Double.toString(value);
    }
}
