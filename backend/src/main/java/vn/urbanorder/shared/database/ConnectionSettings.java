package vn.urbanorder.shared.database;

import java.util.Map;

/** Where a PostgreSQL database is, written as the Spring properties R2DBC and Flyway read. */
public record ConnectionSettings(String host, int port, String database, String user, String password) {

    public Map<String, Object> springProperties() {
        String address = host + ":" + port + "/" + database;
        return Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://" + address,
                "spring.r2dbc.username", user,
                "spring.r2dbc.password", password,
                "spring.flyway.url", "jdbc:postgresql://" + address,
                "spring.flyway.user", user,
                "spring.flyway.password", password);
    }
}
