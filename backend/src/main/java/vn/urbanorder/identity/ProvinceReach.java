package vn.urbanorder.identity;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The province's own officers work with the province's wards and figures, never inside a ward: of
 * the API they reach only their account, the province's users, wards and figures. Everything else
 * answers 403 before any handler runs, whatever the object asked for, so nothing of a ward's
 * records is ever looked up for them. (Ward-scoped code would refuse them too: {@link
 * Caller#wardId()}.)
 */
final class ProvinceReach {

    static final ServerWebExchangeMatcher PROVINCE_API = ServerWebExchangeMatchers.pathMatchers(
            "/api/v1/me",
            "/api/v1/me/password",
            "/api/v1/auth/logout",
            "/api/v1/users",
            "/api/v1/users/*",
            "/api/v1/province",
            "/api/v1/province/**",
            "/api/v1/wards",
            "/api/v1/wards/**");

    private ProvinceReach() {}

    /** The given decision, narrowed to {@link #PROVINCE_API} for a province officer. */
    static ReactiveAuthorizationManager<AuthorizationContext> within(
            ReactiveAuthorizationManager<AuthorizationContext> decision) {
        return (authentication, context) -> decision.authorize(authentication, context)
                .flatMap(result -> !result.isGranted()
                        ? Mono.just(result)
                        : authentication
                                .filter(signedIn -> signedIn instanceof CallerAuthentication caller
                                        && caller.caller().ofProvince())
                                .flatMap(provinceOfficer -> PROVINCE_API
                                        .matches(context.getExchange())
                                        .<AuthorizationResult>map(match -> new AuthorizationDecision(match.isMatch())))
                                .defaultIfEmpty(result));
    }
}
