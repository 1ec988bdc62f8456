package vn.urbanorder.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may use the console ({@code /console/}): a person signed in through {@link DeskSessions},
 * known by an HttpOnly, SameSite cookie. Every change is a POST carrying the CSRF token the page
 * was rendered with (double-submit: the token's cookie is HttpOnly too). Roles are checked where
 * the API checks them: the console acts through the API, with the session's user. A person whose
 * password someone else set is sent to their account page to change it, from every other page.
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurityConfiguration {

    static final String SIGN_IN = "/console/sign-in";

    /** Marks a request the page makes by itself (a refresh), which must not keep an idle session alive. */
    static final String BACKGROUND = "X-Desk-Background";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain deskSecurity(
            ServerHttpSecurity http, DeskSessions sessions, ObjectProvider<DeskImageOrigins> imageOrigins) {
        CookieServerCsrfTokenRepository csrfTokens = new CookieServerCsrfTokenRepository();
        csrfTokens.setCookieName("UO_DESK_CSRF");
        csrfTokens.setCookiePath("/console");
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/console", "/console/**"))
                .securityContextRepository(new SessionCookie(sessions))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(maskedTokens())
                        .accessDeniedHandler(refusedChange()))
                .headers(headers -> headers.contentSecurityPolicy(csp ->
                        csp.policyDirectives(policy(imageOrigins.orderedStream().toList()))))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        // The sign-in page, and the console's own style sheet and script it needs.
                        .pathMatchers(SIGN_IN, "/console/*.css", "/console/*.js")
                        .permitAll()
                        .matchers(PasswordChangeGate.CONSOLE_WHILE_REQUIRED)
                        .authenticated()
                        // Every other page waits until a password someone else set has been changed.
                        .anyExchange()
                        .access(PasswordChangeGate.settled()))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(toSignIn()).accessDeniedHandler(toAccount()))
                .build();
    }

    /** The service's policy, with images also from the origins the console's pages need (map tiles). */
    static String policy(List<DeskImageOrigins> imageOrigins) {
        StringBuilder extra = new StringBuilder();
        imageOrigins.stream().flatMap(origins -> origins.origins().stream()).forEach(origin -> extra.append(' ')
                .append(origin));
        return SecurityConfiguration.CONTENT_SECURITY_POLICY.replace(
                "img-src 'self' data: blob:;", "img-src 'self' data: blob:" + extra + ";");
    }

    /**
     * The token a page carries is masked afresh for every page (against BREACH). The masks come
     * from a DRBG seeded once here, at start-up: the default SecureRandom reads the system's
     * entropy source per page, a blocking read on an event loop. The token is read from a form
     * with files too (resolving with an after-photo), not only from a plain form or a header: a
     * browser's form cannot send a header. Its parts are read by the service's multipart reader
     * within its limits (large ones spooled to disk), once, for the controller as well.
     */
    private static XorServerCsrfTokenRequestAttributeHandler maskedTokens() {
        try {
            SecureRandom masks = SecureRandom.getInstance("DRBG");
            masks.nextBytes(new byte[16]);
            var handler = new XorServerCsrfTokenRequestAttributeHandler();
            handler.setSecureRandom(masks);
            handler.setTokenFromMultipartDataEnabled(true);
            return handler;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM since 9 has DRBG", e);
        }
    }

    /**
     * Not signed in (or the session ended): a page goes to the sign-in page; a partial update
     * (htmx) is told to send the whole page there.
     */
    private static ServerAuthenticationEntryPoint toSignIn() {
        return (exchange, failure) -> Mono.fromRunnable(() -> {
            var response = exchange.getResponse();
            if ("true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"))) {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                response.getHeaders().set("HX-Redirect", SIGN_IN);
            } else {
                response.setStatusCode(HttpStatus.SEE_OTHER);
                response.getHeaders().setLocation(URI.create(SIGN_IN));
            }
        });
    }

    /**
     * A person whose password someone else set is sent to change it, whatever page they asked
     * for; a partial update (htmx) is told to send the whole page there.
     */
    private static ServerAccessDeniedHandler toAccount() {
        return (exchange, denied) -> PasswordChangeGate.refused(exchange)
                .flatMap(passwordPending -> Mono.fromRunnable(() -> {
                    var response = exchange.getResponse();
                    if (!passwordPending) {
                        response.setStatusCode(HttpStatus.FORBIDDEN);
                    } else if ("true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"))) {
                        response.setStatusCode(HttpStatus.FORBIDDEN);
                        response.getHeaders().set("HX-Redirect", PasswordChangeGate.CONSOLE_ACCOUNT);
                    } else {
                        response.setStatusCode(HttpStatus.SEE_OTHER);
                        response.getHeaders().setLocation(URI.create(PasswordChangeGate.CONSOLE_ACCOUNT));
                    }
                }));
    }

    /** A change without the page's CSRF token: refused, and said so in a page, not a blank. */
    private static ServerAccessDeniedHandler refusedChange() {
        return (exchange, denied) -> {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            byte[] page = ("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Yêu cầu bị từ chối</title>"
                            + "<p>Yêu cầu bị từ chối vì thiếu mã bảo vệ của trang (CSRF). Hãy tải lại trang rồi làm lại.</p>"
                            + "<p><a href=\"/console/\">Về bảng điều khiển</a></p></html>")
                    .getBytes(StandardCharsets.UTF_8);
            return response.writeWith(Mono.just(response.bufferFactory().wrap(page)));
        };
    }

    /** The session named by the request's cookie; nothing is saved here (the sign-in page starts sessions). */
    private record SessionCookie(DeskSessions sessions) implements ServerSecurityContextRepository {

        @Override
        public Mono<Void> save(ServerWebExchange exchange, @Nullable SecurityContext context) {
            return Mono.empty();
        }

        @Override
        public Mono<SecurityContext> load(ServerWebExchange exchange) {
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(DeskSessions.COOKIE);
            if (cookie == null || cookie.getValue().isBlank()) {
                return Mono.empty();
            }
            boolean byThePerson = !"1".equals(exchange.getRequest().getHeaders().getFirst(BACKGROUND));
            return sessions.resume(cookie.getValue(), byThePerson).map(SecurityContextImpl::new);
        }
    }
}
