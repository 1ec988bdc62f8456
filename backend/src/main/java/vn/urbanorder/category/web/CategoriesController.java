package vn.urbanorder.category.web;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.CategoriesApi;
import vn.urbanorder.api.model.CategoryDto;
import vn.urbanorder.category.CategoryCatalog;

@RestController
class CategoriesController implements CategoriesApi {

    /** Categories change with a release, not during a shift; phones may reuse the list for an hour. */
    private static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final CategoryCatalog catalog;
    private final CategoryWebMapper mapper;

    CategoriesController(CategoryCatalog catalog, CategoryWebMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @Override
    public Mono<ResponseEntity<Flux<CategoryDto>>> listCategories(ServerWebExchange exchange) {
        Flux<CategoryDto> categories = catalog.findAll().map(mapper::toApi);
        return Mono.just(ResponseEntity.ok()
                .cacheControl(CACHE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(categories));
    }
}
