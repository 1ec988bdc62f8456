package vn.urbanorder.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.ProblemException;

/**
 * Who may call what. Every {@code /api} route needs a valid bearer token except signing in,
 * refreshing and the category list, and a caller whose password someone else set may only change
 * it ({@link PasswordChangeGate}); roles are checked on the controllers. Failures become 401
 * and 403 problems like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    /** What anyone may call: signing in, refreshing, the category list phones cache, and the contract. */
    private static final ServerWebExchangeMatcher PUBLIC = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/refresh"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/categories", "/api/v1/openapi.yaml"));

    /**
     * Pages and their scripts, styles and images come from the service itself, never from another
     * site, and no page may be framed. The API reference's viewer draws its icons as data: images;
     * the field app shows photos from blob: addresses (those on the phone, and the service's,
     * fetched with the officer's token).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Needs the migrations to have run: the initializer runs them when it is created. */
    @Bean
    SecretKey tokenSigningKey(SecurityProperties properties, Flyway flyway, FlywayMigrationInitializer migrated) {
        return SigningKey.resolve(properties.jwt(), flyway.getConfiguration().getDataSource());
    }

    @Bean
    JwtEncoder tokenEncoder(SecretKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
    }

    @Bean
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http,
            ReactiveAuthenticationManagerResolver<ServerWebExchange> tokens,
            ObjectProvider<HandlerMapping> routes) {
        ServerAuthenticationEntryPoint unauthenticated =
                (exchange, failure) -> Mono.error(ProblemException.unauthorized(
                        failure instanceof OAuth2AuthenticationException
                                ? "Mã truy cập không hợp lệ hoặc đã hết hạn. Hãy làm mới mã hoặc đăng nhập lại."
                                : "Cần đăng nhập để dùng chức năng này."));
        ServerAccessDeniedHandler denied = (exchange, failure) -> PasswordChangeGate.refused(exchange)
                .flatMap(passwordPending -> Mono.error(
                        passwordPending
                                ? PasswordChangeGate.problem()
                                : ProblemException.forbidden("Vai trò của bạn không được phép làm việc này.")));
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PUBLIC)
                        .permitAll()
                        .matchers(PasswordChangeGate.API_WHILE_REQUIRED)
                        .authenticated()
                        // Anything else waits until a password someone else set has been changed.
                        .matchers(existingApiRoute(routes))
                        .access(ProvinceReach.within(PasswordChangeGate.settled()))
                        // Unknown routes fall through to a 404 problem, token or not.
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(bearerTokensOutsidePublicRoutes())
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    /**
     * Requests the firewall refuses (a path with {@code //}, {@code ;}, {@code %2F}, {@code /../},
     * {@code %00} and the like, which could reach a route other than the one checked, or a header
     * with characters no header has) get a 400 problem like every other error, instead of the
     * firewall's empty answer.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> Mono.error(ProblemException.badRequest(
                "Yêu cầu bị từ chối: địa chỉ hoặc phần đầu (header) có ký tự hay đoạn không được phép"
                        + " (như //, ;, %2F, /../ hoặc %00 trong địa chỉ)."));
    }

    /**
     * Tokens of this service, and of the configured OIDC issuer if there is one, told apart by
     * issuer. Without an issuer configured, every token must be ours, so none is parsed twice.
     */
    @Bean
    ReactiveAuthenticationManagerResolver<ServerWebExchange> tokenAuthentication(
            SecretKey tokenSigningKey, SecurityProperties properties, Clock clock, ExternalCallers externalCallers) {
        ReactiveAuthenticationManager own = ownTokens(tokenSigningKey, properties.jwt(), clock);
        if (!properties.oidc().configured()) {
            Mono<ReactiveAuthenticationManager> always = Mono.just(own);
            return exchange -> always;
        }
        Map<String, ReactiveAuthenticationManager> byIssuer = Map.of(
                properties.jwt().issuer(), own, properties.oidc().issuerUri(), externalCallers.authenticationManager());
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(byIssuer.get(issuer)));
    }

    private static ReactiveAuthenticationManager ownTokens(SecretKey key, SecurityProperties.Jwt jwt, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // Our issuer is a name, not a URL: keep it a string instead of failing a URL parse per request.
        decoder.setClaimSetConverter(TokenChecks.claimsAsSent(
                MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuerClaim -> issuerClaim))));
        decoder.setJwtValidator(TokenChecks.own(jwt.issuer(), jwt.accessTokenTtl(), clock));
        var manager = new JwtReactiveAuthenticationManager(ownTokensOnly(decoder));
        manager.setJwtAuthenticationConverter(token -> Mono.fromCallable(() -> AccessTokens.authenticationOf(token)));
        return manager;
    }

    /**
     * Reading one of our tokens involves nothing remote, so any failure to read it is the token's
     * fault (a claim of the wrong type, say): a 401, never a server error.
     */
    private static ReactiveJwtDecoder ownTokensOnly(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token)
                .onErrorMap(
                        failure -> !(failure instanceof BadJwtException),
                        failure -> new BadJwtException("The token could not be read", failure));
    }

    /**
     * On public routes an {@code Authorization} header is ignored, so a phone that still sends an
     * expired access token can refresh it, sign in again or read the categories.
     */
    private static ServerAuthenticationConverter bearerTokensOutsidePublicRoutes() {
        var bearer = new ServerBearerTokenAuthenticationConverter();
        return exchange ->
                PUBLIC.matches(exchange).flatMap(route -> route.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }

    /**
     * A request under /api that some handler serves, whatever kind of handler: annotated,
     * functional or otherwise. Only routes nothing serves (answered 404) and static resources
     * fall outside, so every route the service adds needs a token unless PUBLIC names it.
     */
    private static ServerWebExchangeMatcher existingApiRoute(ObjectProvider<HandlerMapping> mappings) {
        // Looked up on the first request and kept: resolving beans per request costs more than the
        // request. No lock: requests arriving together may each look them up once, all alike, and
        // none of them waits on an event loop (a lock did, on a fresh instance's first burst).
        var found = new java.util.concurrent.atomic.AtomicReference<List<HandlerMapping>>();
        Supplier<List<HandlerMapping>> ordered = () -> {
            List<HandlerMapping> known = found.get();
            if (known == null) {
                known = mappings.orderedStream().toList();
                found.compareAndSet(null, known);
            }
            return known;
        };
        return exchange -> {
            if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
                return ServerWebExchangeMatcher.MatchResult.notMatch();
            }
            return Flux.fromIterable(ordered.get())
                    .concatMap(mapping -> mapping.getHandler(exchange)
                            // A known path with the wrong method or media type: still needs a token first.
                            .onErrorReturn(KNOWN_ROUTE))
                    .filter(handler -> !(handler instanceof ResourceWebHandler))
                    .next()
                    .flatMap(handler -> ServerWebExchangeMatcher.MatchResult.match())
                    .switchIfEmpty(ServerWebExchangeMatcher.MatchResult.notMatch());
        };
    }

    private static final Object KNOWN_ROUTE = new Object();
}
