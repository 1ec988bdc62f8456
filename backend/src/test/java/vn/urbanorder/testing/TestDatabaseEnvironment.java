package vn.urbanorder.testing;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application context started by a test at the run's {@link TestDatabase}, before
 * the service's own embedded-database fallback would start one of its own. A test that wants to
 * exercise that fallback sets {@code urbanorder.test.shared-database=false}.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SHARED = "urbanorder.test.shared-database";

    private final Log log;

    public TestDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(TestDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(SHARED, Boolean.class, true) || environment.containsProperty("spring.r2dbc.url")) {
            return;
        }
        TestDatabase database = TestDatabase.instance();
        environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", database.springProperties()));
        log.info("Tests run on " + database);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
