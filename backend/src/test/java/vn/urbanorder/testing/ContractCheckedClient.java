package vn.urbanorder.testing;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A real HTTP client for the running service. Every API response it receives is checked against
 * the contract before the test sees it, whether or not the test reads the body.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContractCheckedClient {

    @Bean
    @Lazy // the port is known only once the server has started
    WebTestClient webTestClient(WebServerApplicationContext context) {
        return bindTo("http://localhost:" + context.getWebServer().getPort());
    }

    /** The same client for a service the test started itself, on the given port. */
    public static WebTestClient forPort(int port) {
        return bindTo("http://localhost:" + port);
    }

    /** A contract-checked client of a service running elsewhere, e.g. in a JVM of its own. */
    public static WebTestClient bindTo(String baseUrl) {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .filter(ContractCheckedClient::checkAgainstContract)
                .build();
    }

    private static Mono<ClientResponse> checkAgainstContract(ClientRequest request, ExchangeFunction next) {
        return next.exchange(request).flatMap(response -> response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                // Off the client's event loop: the validator loads schemas and classes as it goes.
                .publishOn(Schedulers.boundedElastic())
                .map(body -> {
                    ContractValidator.instance()
                            .validate(
                                    request.method(),
                                    request.url(),
                                    response.statusCode().value(),
                                    response.headers().asHttpHeaders(),
                                    body);
                    Flux<DataBuffer> replay = body.length == 0
                            ? Flux.empty()
                            : Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body));
                    return response.mutate().body(replay).build();
                }));
    }
}
