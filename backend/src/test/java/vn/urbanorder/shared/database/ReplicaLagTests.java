package vn.urbanorder.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.urbanorder.shared.database.ReplicaLag.Measurement;
import vn.urbanorder.shared.database.ReplicaLag.Verdict;

class ReplicaLagTests {

    @ParameterizedTest(name = "in recovery {0}, streaming {1}, lag {2}: {3}")
    @CsvSource(
            nullValues = "unknown",
            value = {
                "true,  true,  0,       IN_USE",
                "true,  true,  29.999,  IN_USE",
                "true,  true,  30,      IN_USE",
                "true,  true,  30.001,  TOO_FAR_BEHIND",
                "true,  true,  3600,    TOO_FAR_BEHIND",
                // The replica's clock a little behind the primary's: no lag, not a negative one.
                "true,  true,  -0.5,    IN_USE",
                "true,  true,  unknown, LAG_UNKNOWN",
                // Lost its primary: received and replayed agree, but the primary has moved on.
                "true,  false, 0,       NOT_STREAMING",
                "false, false, unknown, NOT_A_REPLICA",
                "false, true,  0,       NOT_A_REPLICA",
            })
    void readsGoToTheReplicaOnlyWhileItStreamsAndIsWithinTheBound(
            boolean inRecovery, boolean streaming, Double lag, Verdict verdict) {
        assertThat(new Measurement(inRecovery, streaming, lag).judge(Duration.ofSeconds(30)))
                .isEqualTo(verdict);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "unknown",
            value = {"-0.5, 0", "2.5, 2.5", "unknown, unknown"})
    void theLagIsNeverNegative(Double measured, Double lag) {
        assertThat(new Measurement(true, true, measured).lag()).isEqualTo(lag);
    }
}
