package vn.urbanorder.console.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.CategoryDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * The violation categories with their Vietnamese names. The contract lets a client keep the list
 * for an hour (it is public and the same for everyone), so the console asks for it once every ten
 * minutes instead of once per page; a failed answer is not kept.
 */
@Component
class ConsoleCategories {

    private static final Duration KEPT = Duration.ofMinutes(10);

    private final Mono<List<CategoryDto>> list;

    ConsoleCategories(ConsoleApi api) {
        this.list = api.get(uri -> uri.path("/api/v1/categories").build(), CategoryDto[].class)
                .map(List::of)
                .cache(found -> KEPT, failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Category code to name; none when the list cannot be had (filters and rows then show codes). */
    Mono<Map<String, String>> names() {
        return list.<Map<String, String>>map(categories -> {
                    Map<String, String> names = new LinkedHashMap<>();
                    for (CategoryDto category : categories) {
                        names.put(category.getCode(), category.getName());
                    }
                    return names;
                })
                .onErrorResume(ApiProblem.class, unavailable -> Mono.just(Map.of()));
    }

    /** Category code to name, and "category/subtype" to the subtype's name. */
    Mono<Map<String, String>> namesWithSubtypes() {
        return list.map(categories -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (CategoryDto category : categories) {
                names.put(category.getCode(), category.getName());
                for (var subtype : category.getSubtypes()) {
                    names.put(category.getCode() + "/" + subtype.getCode(), subtype.getName());
                }
            }
            return names;
        });
    }
}
