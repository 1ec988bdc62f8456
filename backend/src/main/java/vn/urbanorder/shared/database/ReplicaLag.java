package vn.urbanorder.shared.database;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * How far a replica is behind its primary, as the replica itself tells, and whether reporting reads
 * may go to it.
 *
 * <p>The lag is the standard measure: nothing when all WAL received is replayed, else the time
 * since the last transaction replayed was committed. On a replica that has lost its primary,
 * received and replayed agree while the primary moves on, so a replica with no WAL receiver
 * running does not count as current. The time is the replica's clock against the primary's commit
 * times: the two clocks must agree (NTP); a negative difference counts as none.
 */
public final class ReplicaLag {

    static final String SQL = """
            SELECT pg_is_in_recovery() AS in_recovery,
                   EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AS streaming,
                   CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8
                   END AS lag_seconds
            """;

    private ReplicaLag() {}

    /** What the replica says about itself. */
    public static Mono<Measurement> measure(DatabaseClient replica) {
        return replica.sql(SQL)
                .map(row -> new Measurement(
                        Boolean.TRUE.equals(row.get("in_recovery", Boolean.class)),
                        Boolean.TRUE.equals(row.get("streaming", Boolean.class)),
                        row.get("lag_seconds", Double.class)))
                .one();
    }

    /**
     * One measurement.
     *
     * @param inRecovery whether the server is a standby at all
     * @param streaming whether its WAL receiver runs (it is connected to a primary, or trying)
     * @param lagSeconds null when unknown (nothing replayed since the replica started, while WAL
     *     waits to be replayed)
     */
    public record Measurement(
            boolean inRecovery, boolean streaming, @Nullable Double lagSeconds) {

        /** The lag, never negative; null when unknown. */
        public @Nullable Double lag() {
            return lagSeconds == null ? null : Math.max(0, lagSeconds);
        }

        /** Where reporting reads should go after this measurement. */
        public Verdict judge(Duration maxLag) {
            if (!inRecovery) {
                return Verdict.NOT_A_REPLICA;
            }
            if (!streaming) {
                return Verdict.NOT_STREAMING;
            }
            Double lag = lag();
            if (lag == null) {
                return Verdict.LAG_UNKNOWN;
            }
            return lag * 1000 <= maxLag.toMillis() ? Verdict.IN_USE : Verdict.TOO_FAR_BEHIND;
        }
    }

    /** Whether reporting reads go to the replica, and if not, why. */
    public enum Verdict {
        IN_USE("the replica is within the lag bound"),
        NOT_CHECKED("the replica's lag has not been measured yet"),
        NOT_A_REPLICA("the server configured as the replica is not in recovery: it is not a replica"),
        NOT_STREAMING("the replica receives no WAL from a primary, so its lag cannot be known"),
        LAG_UNKNOWN("the replica has WAL to replay but has replayed no transaction since it started"),
        TOO_FAR_BEHIND("the replica is further behind than the lag bound"),
        UNREACHABLE("the replica did not answer");

        private final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
