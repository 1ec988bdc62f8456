package vn.urbanorder.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;

/** Binding a value that may be null, which R2DBC wants told the type of. */
public final class Binds {

    private Binds() {}

    public static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
