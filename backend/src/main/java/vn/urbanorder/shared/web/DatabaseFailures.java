package vn.urbanorder.shared.web;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells what a failure says of the database: unreachable for now (the service answers 503 with
 * {@code Retry-After}, and a phone's retry is safe), or refusing a value the client sent.
 * Decided by SQLSTATE where the database gave one, since drivers file many states under one
 * exception type; by the kind of failure where the connection itself failed.
 */
final class DatabaseFailures {

    private static final int DEPTH = 16;

    private DatabaseFailures() {}

    /** Connection refused or lost, server shutting down, out of connections, pool exhausted. */
    static boolean unavailable(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof R2dbcException database && hasState(database)) {
                String state = database.getSqlState();
                return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
            }
            if (cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException
                    || cause instanceof R2dbcTimeoutException
                    || cause instanceof IOException
                    || cause instanceof TimeoutException
                    || cause.getClass().getName().startsWith("reactor.pool.")) {
                return true;
            }
            if (cause.getCause() == null
                    && (cause instanceof DataAccessResourceFailureException
                            || cause instanceof CannotCreateTransactionException)) {
                return true;
            }
        }
        return false;
    }

    /** A value PostgreSQL would not take (SQLSTATE class 22: bad text, a date out of its range). */
    static boolean refusedValue(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof R2dbcException database && hasState(database)) {
                return database.getSqlState().startsWith("22");
            }
        }
        return false;
    }

    private static boolean hasState(R2dbcException exception) {
        return exception.getSqlState() != null && !exception.getSqlState().isBlank();
    }
}
