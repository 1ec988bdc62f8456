package vn.urbanorder.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.urbanorder.shared.database.ConnectionSettings;

/** A new, empty database on the run's PostgreSQL server, as command-line settings for a service. */
public final class EmptyDatabase {

    private EmptyDatabase() {}

    public static List<String> arguments() {
        ConnectionSettings settings = TestDatabase.instance().newDatabase();
        List<String> arguments = new ArrayList<>();
        arguments.add("--" + TestDatabaseEnvironment.SHARED + "=false");
        for (Map.Entry<String, Object> property : settings.springProperties().entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        return arguments;
    }
}
