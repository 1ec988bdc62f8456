package vn.urbanorder.photo.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.photo.PhotosProperties;
import vn.urbanorder.shared.ProblemException;

/**
 * Bounds how many submissions with photos this instance holds in memory at once, from reading
 * their photos to recording them. A slot is taken only once the whole form has arrived (see
 * {@link PhotoParts#received}), so a slow sender holds none while its bytes trickle in. Past the
 * bound a phone gets 503 with Retry-After and simply retries, which intake makes safe.
 */
@Component
@NamedInterface("uploads")
public class UploadGate {

    private final Semaphore permits;

    UploadGate(PhotosProperties properties) {
        this.permits = new Semaphore(properties.maxConcurrentUploads());
    }

    /**
     * Runs the upload under a slot, or answers 503. The slot comes back as soon as the upload
     * has its outcome, before the answer is written (a phone that sends its next report the
     * moment it reads the answer finds it free), or when the upload is cancelled.
     */
    public <T> Mono<T> through(Mono<T> upload) {
        return Mono.defer(() -> {
            if (!permits.tryAcquire()) {
                return Mono.error(ProblemException.serviceUnavailable(
                        "Hệ thống đang nhận nhiều ảnh; máy sẽ tự gửi lại sau ít giây.", Duration.ofSeconds(5)));
            }
            AtomicBoolean held = new AtomicBoolean(true);
            Runnable release = () -> {
                if (held.compareAndSet(true, false)) {
                    permits.release();
                }
            };
            // Before the outcome goes on to be written as the answer; the cancel afterwards.
            return upload.doOnEach(outcome -> release.run()).doFinally(signal -> release.run());
        });
    }
}
