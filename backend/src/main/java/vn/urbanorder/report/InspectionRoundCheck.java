package vn.urbanorder.report;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.ward.Ward;

/**
 * Whether a report may be submitted on an inspection round: the review feature answers it, intake
 * asks, so that reports need not know what a round is.
 */
public interface InspectionRoundCheck {

    /**
     * Why the caller may not submit a report observed at that moment on the round, as a message
     * for the {@code inspectionRoundId} field; empty when they may.
     */
    Mono<Optional<String>> refusal(Caller caller, Ward ward, UUID roundId, Instant observedAt);
}
