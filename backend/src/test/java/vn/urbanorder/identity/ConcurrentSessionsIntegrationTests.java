package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** What phones and attackers do at the same moment must still add up. */
@IntegrationTest
class ConcurrentSessionsIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    @Test
    void aBurstOfParallelGuessesGetsNoMoreThanFiveTries() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");

        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(
                        attempt -> post(
                                "/api/v1/auth/token",
                                "{\"username\":\"" + username + "\",\"password\":\"guess-" + attempt + "-wrong\"}"),
                        20)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
    }

    @Test
    void twelveParallelSignInsWithTheRightPasswordAllSucceed() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}";

        List<Integer> statuses = Flux.range(0, 12)
                .flatMap(attempt -> post("/api/v1/auth/token", body), 12)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(12).containsOnly(200);
    }

    @Test
    void twelveParallelGuessesGetFiveTriesAndThenLockTheUsername() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        String right = "{\"username\":\"" + username + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}";

        List<Integer> guesses = Flux.range(0, 12)
                .flatMap(
                        attempt -> post(
                                "/api/v1/auth/token",
                                "{\"username\":\"" + username + "\",\"password\":\"guess-" + attempt + "-wrong\"}"),
                        12)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(guesses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(guesses).filteredOn(status -> status == 429).hasSize(7);
        assertThat(post("/api/v1/auth/token", right).block(Duration.ofSeconds(10)))
                .as("the five failures lock the username, the right password too")
                .isEqualTo(429);
    }

    @Test
    void twoRefreshesWithOneTokenLeaveNoLiveTokenBehind() {
        TokenResponseDto signedIn = fixtures.signIn(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        String body = "{\"refreshToken\":\"" + signedIn.getRefreshToken() + "\"}";

        List<TokenResponseDto> winners = Flux.range(0, 2)
                .flatMap(copy -> client().post()
                        .uri("/api/v1/auth/refresh")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                                ? response.bodyToMono(TokenResponseDto.class)
                                : response.releaseBody().then(reactor.core.publisher.Mono.empty())))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(winners).hasSize(1);
        String successor = "{\"refreshToken\":\"" + winners.get(0).getRefreshToken() + "\"}";
        assertThat(post("/api/v1/auth/refresh", successor).block(Duration.ofSeconds(10)))
                .as("the copy was presented twice, so the whole family is revoked")
                .isEqualTo(401);
    }

    private reactor.core.publisher.Mono<Integer> post(String path, String body) {
        return client().post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode()))
                .map(HttpStatusCode::value);
    }

    private WebClient client() {
        return WebClient.create("http://localhost:" + port);
    }
}
