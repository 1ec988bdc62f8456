package vn.urbanorder.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.urbanorder.shared.database.ConnectionSettings;

/** A new, empty database on the run's PostgreSQL server, as command-line settings for a service. */
public final class EmptyDatabase {

    private EmptyDatabase() {}

    public static List<String> arguments() {
        return arguments(TestDatabase.instance().newDatabase());
    }

    /**
     * Not an empty one: the run's own database, which every {@link IntegrationTest} service is
     * on, as settings for another instance of the service beside them.
     */
    public static List<String> ofTheRun() {
        return arguments(TestDatabase.instance().connectionSettings());
    }

    private static List<String> arguments(ConnectionSettings settings) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--" + TestDatabaseEnvironment.SHARED + "=false");
        for (Map.Entry<String, Object> property : settings.springProperties().entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        return arguments;
    }
}
