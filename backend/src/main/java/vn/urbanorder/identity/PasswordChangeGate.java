package vn.urbanorder.identity;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.ProblemTypes;

/**
 * A password someone else set (a ward admin creating the account or resetting it) is changed by
 * its owner before anything else. Until then their tokens say so ({@link
 * AccessTokens#PASSWORD_CHANGE_REQUIRED}), and only what the change needs is let through: reading
 * themselves, the change, and signing out. Costs nothing per request beyond reading the token.
 */
final class PasswordChangeGate {

    /** What the API lets through while the password must change (signing in and refreshing are public). */
    static final ServerWebExchangeMatcher API_WHILE_REQUIRED = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/me"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.PATCH, "/api/v1/me/password"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/auth/logout"));

    /** The console's page for the change, where every other page sends the person meanwhile. */
    static final String CONSOLE_ACCOUNT = "/console/account";

    /** What the console lets through meanwhile, besides its sign-in page and files. */
    static final ServerWebExchangeMatcher CONSOLE_WHILE_REQUIRED = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, CONSOLE_ACCOUNT),
            ServerWebExchangeMatchers.pathMatchers(
                    HttpMethod.POST, CONSOLE_ACCOUNT + "/password", "/console/sign-out"));

    private PasswordChangeGate() {}

    /** Signed in, with a password of their own. */
    static ReactiveAuthorizationManager<AuthorizationContext> settled() {
        return (authentication, context) -> authentication
                .<AuthorizationResult>map(
                        signedIn -> new AuthorizationDecision(signedIn.isAuthenticated() && !pending(signedIn)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** Whether the exchange's caller was refused for a password they have yet to change. */
    static Mono<Boolean> refused(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(PasswordChangeGate::pending).defaultIfEmpty(false);
    }

    static ProblemException problem() {
        return ProblemException.forbidden("Mật khẩu của bạn do người quản trị đặt. Hãy đổi sang mật khẩu của riêng"
                        + " bạn trước khi dùng các chức năng khác.")
                .ofType(ProblemTypes.PASSWORD_CHANGE_REQUIRED, "Cần đổi mật khẩu");
    }

    private static boolean pending(Object principal) {
        return principal instanceof CallerAuthentication caller && caller.passwordChangeRequired();
    }
}
