package vn.urbanorder.shared.web;

import io.r2dbc.spi.R2dbcException;
import org.springframework.dao.DataAccessException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Requests whose client went away before the answer (a phone losing its signal mid-upload): not a
 * failure of the service, so neither logged nor counted as one, and with no status, since none was
 * ever sent.
 */
final class ClientsThatLeft {

    static final String ATTRIBUTE = ClientsThatLeft.class.getName();

    private ClientsThatLeft() {}

    /**
     * Whether the failure says the client's connection was closed or reset. Spring's test goes by
     * exception names and messages ("connection reset by peer"), which a lost database connection
     * can carry too: that one is the service's failure, and must still be answered.
     */
    static boolean isGone(Throwable failure) {
        return DisconnectedClientHelper.isClientDisconnectedException(failure) && !fromDatabase(failure);
    }

    private static boolean fromDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof R2dbcException || cause instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    static void remember(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean left(ServerWebExchange exchange) {
        return exchange.getAttributes().containsKey(ATTRIBUTE);
    }
}
