package vn.urbanorder.shared.web;

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

    /** Whether the failure says the connection was closed or reset by the other end. */
    static boolean isGone(Throwable failure) {
        return DisconnectedClientHelper.isClientDisconnectedException(failure);
    }

    static void remember(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean left(ServerWebExchange exchange) {
        return exchange.getAttributes().containsKey(ATTRIBUTE);
    }
}
