package vn.urbanorder;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Proves that BlockHound watches every test, so a blocking call on a non-blocking thread fails. */
class BlockHoundTests {

    @Test
    void blockingOnANonBlockingThreadFails() {
        Mono<Void> sleeper = Mono.<Void>fromRunnable(() -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(sleeper).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
    }
}
