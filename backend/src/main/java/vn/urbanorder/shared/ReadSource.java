package vn.urbanorder.shared;

import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Where one reporting read goes: the primary, or the read replica while it is close enough behind.
 * Take one for all the queries of one answer, so that they see the same data.
 *
 * @param database for the queries
 * @param transactions for queries that need a transaction ({@code SET LOCAL}); read-only on the
 *     replica
 * @param onReplica whether this is the replica
 * @param atMostBehind how far behind the primary's commits the data may be: the lag bound on the
 *     replica, zero on the primary
 */
public record ReadSource(
        DatabaseClient database, TransactionalOperator transactions, boolean onReplica, Duration atMostBehind) {}
