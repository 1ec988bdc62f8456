package vn.urbanorder.console;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The service's own JSON API, called by the console as the signed-in person (with the access
 * token of their session), over the loopback interface: the console can do nothing the API would
 * not let that person do. Answers are the contract's generated models.
 */
@Component
public class ConsoleApi {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM =
            new ParameterizedTypeReference<>() {};

    /** A ward's location timeline holds up to 200 reports: more than WebClient's default 256 KB. */
    private static final int LARGEST_ANSWER = 4 * 1024 * 1024;

    private final Environment environment;
    private volatile @Nullable WebClient client;

    ConsoleApi(Environment environment) {
        this.environment = environment;
    }

    /** GET, answered as the given type; an {@link ApiProblem} for any error. */
    public <T> Mono<T> get(Function<UriBuilder, java.net.URI> uri, Class<T> type) {
        return exchange(client -> client.get().uri(uri), type);
    }

    public <T> Mono<T> exchange(Function<WebClient, WebClient.RequestHeadersSpec<?>> request, Class<T> type) {
        return bearer().flatMap(token -> exchange(token, request, type));
    }

    /**
     * As {@link #exchange(Function, Class)}, with an access token the API has just answered
     * instead of the session's: after a password change the session is gone, and so is its token.
     */
    public <T> Mono<T> exchange(
            String accessToken, Function<WebClient, WebClient.RequestHeadersSpec<?>> request, Class<T> type) {
        return request.apply(client())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchangeToMono(response -> answer(response, type));
    }

    /**
     * A file from the API (a photo), passed through as it comes, with the headers a browser caches
     * it by; the person's own If-None-Match goes along, so a cached photo costs a 304.
     */
    public Mono<ResponseEntity<Flux<DataBuffer>>> file(String path, @Nullable String ifNoneMatch) {
        return bearer().flatMap(token -> client().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .headers(headers -> {
                    if (ifNoneMatch != null) {
                        headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
                    }
                })
                .retrieve()
                .onStatus(status -> status.isError(), ConsoleApi::problemOf)
                // The body streams through as it arrives (toEntityFlux keeps the response open for it).
                .toEntityFlux(DataBuffer.class)
                .map(entity -> passedThrough(entity, FILE_HEADERS)));
    }

    /**
     * A file the API builds (a period's report), streamed through as it comes with its name
     * ({@code Content-Disposition}). A 503 (the API is building as many files as it may) comes
     * through too, with its {@code Retry-After}, for the page to wait and ask again; any other
     * refusal is an {@link ApiProblem}.
     */
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(Function<UriBuilder, java.net.URI> uri) {
        return bearer().flatMap(token -> client().get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve()
                .onStatus(status -> status.isError() && status.value() != 503, ConsoleApi::problemOf)
                // An empty answer from the handler lets the 503 through as a response, not an error.
                .onStatus(status -> status.value() == 503, busy -> Mono.empty())
                .toEntityFlux(DataBuffer.class)
                .map(entity -> passedThrough(entity, DOWNLOAD_HEADERS)));
    }

    private static final java.util.List<String> DOWNLOAD_HEADERS = java.util.List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.RETRY_AFTER);

    private static final java.util.List<String> FILE_HEADERS = java.util.List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.ETAG,
            HttpHeaders.CACHE_CONTROL,
            "Photo-Copy");

    /** The answer's status, body and the named headers, nothing else. */
    private static ResponseEntity<Flux<DataBuffer>> passedThrough(
            ResponseEntity<Flux<DataBuffer>> entity, java.util.List<String> headers) {
        HttpHeaders kept = new HttpHeaders();
        for (String name : headers) {
            var values = entity.getHeaders().get(name);
            if (values != null && !values.isEmpty()) {
                kept.put(name, values);
            }
        }
        Flux<DataBuffer> body = entity.getBody() == null ? Flux.empty() : entity.getBody();
        return ResponseEntity.status(entity.getStatusCode()).headers(kept).body(body);
    }

    private static <T> Mono<T> answer(ClientResponse response, Class<T> type) {
        if (response.statusCode().isError()) {
            return problemOf(response).flatMap(Mono::error);
        }
        return response.bodyToMono(type);
    }

    private static Mono<ApiProblem> problemOf(ClientResponse response) {
        return response.bodyToMono(PROBLEM)
                .defaultIfEmpty(Map.of())
                .onErrorReturn(Map.of())
                .map(problem -> new ApiProblem(response.statusCode().value(), problem));
    }

    /** The access token of the request's session (identity.DeskSessions gives one of its user as they are now). */
    private static Mono<String> bearer() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(authentication -> authentication.getCredentials())
                .filter(Jwt.class::isInstance)
                .map(credentials -> ((Jwt) credentials).getTokenValue())
                .switchIfEmpty(Mono.error(() -> new ApiProblem(401, Map.of("detail", "Phiên làm việc đã kết thúc."))));
    }

    private WebClient client() {
        WebClient current = client;
        if (current == null) {
            // The port is known only once the server has started (a random one in tests).
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            current = WebClient.builder()
                    .baseUrl("http://127.0.0.1:" + port)
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(LARGEST_ANSWER))
                    .build();
            client = current;
        }
        return current;
    }
}
