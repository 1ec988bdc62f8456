package vn.urbanorder.photo.web;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.urbanorder.photo.PhotosProperties;
import vn.urbanorder.shared.ProblemException;

class UploadGateTests {

    private final UploadGate gate = new UploadGate(new PhotosProperties(
            "unused", 10, 6, 150, 1, Duration.ofHours(1), 50_000_000, Duration.ofSeconds(5), null));

    @Test
    void aSecondUploadWhileTheOnlyPermitIsTakenIsTurnedAwayAndThePermitComesBack() {
        var first = gate.through(Mono.never()).subscribe();

        StepVerifier.create(gate.through(Mono.just("second")))
                .expectErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error)
                        .isInstanceOf(ProblemException.class)
                        .hasFieldOrPropertyWithValue(
                                "statusCode", org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE))
                .verify(Duration.ofSeconds(5));

        first.dispose();
        StepVerifier.create(gate.through(Mono.just("third")))
                .expectNext("third")
                .verifyComplete();
    }

    @Test
    void theSlotIsFreeBeforeTheAnswerGoesOut() {
        // The answer is written where the outcome arrives; the next submission may come at once.
        StepVerifier.create(gate.through(Mono.just("first"))
                        .flatMap(answer -> gate.through(Mono.just(answer + ", then the next"))))
                .expectNext("first, then the next")
                .verifyComplete();
        StepVerifier.create(gate.through(Mono.error(new IllegalStateException("failed")))
                        .onErrorResume(failure -> gate.through(Mono.just("retried"))))
                .expectNext("retried")
                .verifyComplete();
    }
}
