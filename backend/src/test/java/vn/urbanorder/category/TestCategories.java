package vn.urbanorder.category;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.util.List;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A catalog of the given categories, for unit tests of rules that check a report's category: it
 * answers from the list and never opens a connection. Integration tests read the real catalog.
 */
public final class TestCategories extends CategoryCatalog {

    private final List<Category> categories;

    private TestCategories(List<Category> categories) {
        super(DatabaseClient.create(new NoDatabase()));
        this.categories = List.copyOf(categories);
    }

    public static CategoryCatalog of(Category... categories) {
        return new TestCategories(List.of(categories));
    }

    @Override
    public Flux<Category> findAll() {
        return Flux.fromIterable(categories);
    }

    /** Named PostgreSQL so the client can be built; any attempt to connect fails the test. */
    private static final class NoDatabase implements ConnectionFactory {

        @Override
        public Publisher<? extends Connection> create() {
            return Mono.error(new IllegalStateException("A unit test has no database"));
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> "PostgreSQL";
        }
    }
}
