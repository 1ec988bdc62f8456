package vn.urbanorder.shared.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A small pool of connections to the read replica, of its own: not a {@link ConnectionFactory}
 * bean, so Spring Boot's primary pool, its health check and Flyway never see it.
 */
public final class ReplicaConnections implements AutoCloseable {

    private final ConnectionPool pool;
    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    private ReplicaConnections(ConnectionPool pool) {
        this.pool = pool;
        this.database = DatabaseClient.create(pool);
        var readOnly = new DefaultTransactionDefinition();
        readOnly.setReadOnly(true);
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(pool), readOnly);
    }

    /**
     * Opens no connection yet: the pool connects on first use, so a replica that is away at
     * start-up does not stop the service.
     *
     * @param user used where the replica's own is not set (the primary's)
     */
    public static ReplicaConnections to(ReplicaProperties replica, @Nullable String user, @Nullable String password) {
        var options = ConnectionFactoryOptions.parse(Objects.requireNonNull(replica.url(), "configured"))
                .mutate();
        String replicaUser = replica.username() != null ? replica.username() : user;
        String replicaPassword = replica.password() != null ? replica.password() : password;
        if (replicaUser != null) {
            options.option(ConnectionFactoryOptions.USER, replicaUser);
        }
        if (replicaPassword != null && !replicaPassword.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, replicaPassword);
        }
        options.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(5));
        ConnectionFactory factory = ConnectionFactories.get(options.build());
        if (factory instanceof ConnectionPool pooled) {
            // An r2dbc:pool: URL has made a pool already.
            return new ReplicaConnections(pooled);
        }
        return new ReplicaConnections(new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .name("replica")
                .initialSize(0)
                .maxSize(replica.maxConnections())
                .maxIdleTime(Duration.ofMinutes(10))
                .maxAcquireTime(Duration.ofSeconds(5))
                .maxCreateConnectionTime(Duration.ofSeconds(5))
                .build()));
    }

    public DatabaseClient database() {
        return database;
    }

    /** Read-only transactions on the replica. */
    public TransactionalOperator transactions() {
        return transactions;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
