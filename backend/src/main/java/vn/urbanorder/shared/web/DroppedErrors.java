package vn.urbanorder.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import reactor.core.publisher.Hooks;

/**
 * Errors Reactor drops because the stream they belong to has already ended. The multipart codec
 * reports a form cut off mid-way twice, and drops the second; when the cause is a client that left
 * or a body that came too slowly, that is already answered (or beyond answering), and worth a
 * DEBUG line, not an ERROR with a stack trace. Any other dropped error is logged as Reactor would.
 */
@Component
class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    DroppedErrors() {
        Hooks.resetOnErrorDropped();
        Hooks.onErrorDropped(DroppedErrors::log);
    }

    private static void log(Throwable error) {
        if (ClientsThatLeft.isGone(error) || isClientError(error)) {
            log.debug("Dropped after its request ended: {}", error.toString());
        } else {
            log.error("Operator called default onErrorDropped", error);
        }
    }

    private static boolean isClientError(Throwable error) {
        return error instanceof ErrorResponse response
                && response.getStatusCode().is4xxClientError();
    }
}
