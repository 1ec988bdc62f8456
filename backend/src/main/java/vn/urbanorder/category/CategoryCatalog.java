package vn.urbanorder.category;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the violation categories and their subtypes, which migrations maintain. */
@Service
public class CategoryCatalog {

    private static final String ALL = """
            SELECT c.code, c.name, c.default_deadline_hours, s.code AS subtype_code, s.name AS subtype_name
              FROM category c
              LEFT JOIN category_subtype s ON s.category_code = c.code
             ORDER BY c.position, c.code, s.position, s.code
            """;

    private final DatabaseClient database;

    /** Categories change only with a migration, so one read serves the process; a failed read is retried. */
    private final Mono<List<Category>> cached;

    CategoryCatalog(DatabaseClient database) {
        this.database = database;
        this.cached = load().collectList().cacheInvalidateIf(List::isEmpty);
    }

    /** Every category in display order, each with its subtypes in display order. */
    public Flux<Category> findAll() {
        return cached.flatMapMany(Flux::fromIterable);
    }

    private Flux<Category> load() {
        return database.sql(ALL)
                .map(row -> new CategoryRow(
                        row.get("code", String.class),
                        row.get("name", String.class),
                        row.get("default_deadline_hours", Integer.class),
                        row.get("subtype_code", String.class),
                        row.get("subtype_name", String.class)))
                .all()
                .bufferUntilChanged(CategoryRow::code)
                .map(CategoryCatalog::toCategory);
    }

    private static Category toCategory(List<CategoryRow> rows) {
        CategoryRow first = rows.get(0);
        List<Category.Subtype> subtypes = rows.stream()
                .filter(row -> row.subtypeCode() != null)
                .map(row -> new Category.Subtype(row.subtypeCode(), row.subtypeName()))
                .toList();
        return new Category(first.code(), first.name(), first.defaultDeadlineHours(), subtypes);
    }

    private record CategoryRow(
            String code, String name, int defaultDeadlineHours, String subtypeCode, String subtypeName) {}
}
