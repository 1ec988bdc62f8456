package vn.urbanorder.identity;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** One client address trying many usernames is limited as well, behind a proxy that says who it is. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "urbanorder.security.sign-in.max-failures-per-address=3",
            "server.forward-headers-strategy=framework"
        })
class AddressLimitIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void tooManyFailuresFromOneAddressBlockIt() {
        String address = randomAddress();
        for (int attempt = 1; attempt <= 3; attempt++) {
            signIn(address, Fixtures.uniqueUsername(), "guess-" + attempt)
                    .expectStatus()
                    .isUnauthorized();
        }

        signIn(address, fixtures.user(Fixtures.DEMO_WARD, "PATROL"), Fixtures.PASSWORD)
                .expectStatus()
                .isEqualTo(429);
        signIn(randomAddress(), fixtures.user(Fixtures.DEMO_WARD, "PATROL"), Fixtures.PASSWORD)
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec signIn(String address, String username, String password) {
        return http.post()
                .uri("/api/v1/auth/token")
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    private static String randomAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
