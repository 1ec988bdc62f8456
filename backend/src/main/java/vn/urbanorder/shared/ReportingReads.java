package vn.urbanorder.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.database.ReplicaConnections;
import vn.urbanorder.shared.database.ReplicaLag;
import vn.urbanorder.shared.database.ReplicaLag.Measurement;
import vn.urbanorder.shared.database.ReplicaLag.Verdict;
import vn.urbanorder.shared.database.ReplicaProperties;

/**
 * Where reporting reads (statistics, their exports) go: the read replica while its measured lag is
 * within {@code urbanorder.database.replica.max-lag} and it answers, the primary otherwise (no
 * replica configured, lag too high or unknown, replica away, or a server that is not a replica).
 * The lag is measured off the request path, every {@code check-every}; a request only reads the
 * last decision. Writes, and reads that must see a write of their own request, never come here.
 */
@Component
public class ReportingReads implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReportingReads.class);

    private final ReadSource primary;
    private final ReplicaProperties settings;
    private final Duration recheckAfter;
    private final @Nullable ReplicaConnections replica;
    private final @Nullable ReadSource replicaSource;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile @Nullable Double lastLag;
    private volatile @Nullable Disposable checks;

    ReportingReads(
            DatabaseClient database,
            TransactionalOperator transactions,
            ReplicaProperties settings,
            Environment environment,
            ObjectProvider<MeterRegistry> meters) {
        this.primary = new ReadSource(database, transactions, false, Duration.ZERO);
        this.settings = settings;
        this.recheckAfter =
                Duration.ofMillis(Math.min(100, settings.checkEvery().toMillis() / 4));
        if (!settings.configured()) {
            this.replica = null;
            this.replicaSource = null;
            return;
        }
        this.replica = ReplicaConnections.to(
                settings,
                environment.getProperty("spring.r2dbc.username"),
                environment.getProperty("spring.r2dbc.password"));
        this.replicaSource = new ReadSource(replica.database(), replica.transactions(), true, settings.maxLag());
        meters.ifAvailable(registry -> {
            Gauge.builder("urbanorder.database.replica.lag", this, reads -> {
                        Double lag = reads.lastLag;
                        return lag == null ? Double.NaN : lag;
                    })
                    .description("How far the read replica is behind the primary, as last measured; NaN when unknown")
                    .baseUnit("seconds")
                    .register(registry);
            Gauge.builder("urbanorder.database.replica.in.use", this, reads -> reads.verdict == Verdict.IN_USE ? 1 : 0)
                    .description("1 while reporting reads go to the read replica, 0 while they go to the primary")
                    .register(registry);
        });
        log.info(
                "A read replica is configured ({}): reporting reads go to it while it is at most {} behind,"
                        + " measured every {}",
                // Without any user and password written into the URL.
                String.valueOf(settings.url()).replaceFirst("//[^@/]*@", "//"),
                settings.maxLag(),
                settings.checkEvery());
    }

    /** Where a reporting read goes now; take it once for all the queries of one answer. */
    public ReadSource current() {
        ReadSource onReplica = replicaSource;
        return onReplica != null && verdict == Verdict.IN_USE ? onReplica : primary;
    }

    /** The primary, for what must not read from the replica. */
    public ReadSource primary() {
        return primary;
    }

    @Override
    public void start() {
        ReplicaConnections connections = replica;
        if (connections == null) {
            return;
        }
        Duration every = settings.checkEvery();
        checks = Flux.interval(Duration.ZERO, every)
                .onBackpressureDrop()
                .concatMap(tick -> measure(connections)
                        .timeout(every, Mono.error(() -> new TimeoutException("no answer within " + every)))
                        .map(this::judged)
                        .onErrorResume(failure -> Mono.fromRunnable(() -> unreachable(failure))))
                .subscribe();
    }

    /**
     * Measures; a replica in use that seems too far behind is measured once more a moment later.
     * The first transaction after a quiet spell reads as far behind as the spell was long (the
     * time since the last transaction replayed) until it is replayed, a few milliseconds later.
     */
    private Mono<Measurement> measure(ReplicaConnections connections) {
        return ReplicaLag.measure(connections.database()).flatMap(measurement -> {
            boolean farBehind = measurement.judge(settings.maxLag()) == Verdict.TOO_FAR_BEHIND;
            if (!farBehind || verdict != Verdict.IN_USE) {
                return Mono.just(measurement);
            }
            return ReplicaLag.measure(connections.database()).delaySubscription(recheckAfter);
        });
    }

    private boolean judged(Measurement measurement) {
        lastLag = measurement.lag();
        decide(measurement.judge(settings.maxLag()), null);
        return true;
    }

    private void unreachable(Throwable failure) {
        lastLag = null;
        decide(Verdict.UNREACHABLE, failure);
    }

    /** Logs each change of where the reads go, and why; not every measurement. */
    private void decide(Verdict now, @Nullable Throwable failure) {
        Verdict before = verdict;
        verdict = now;
        if (now == before) {
            return;
        }
        if (now == Verdict.IN_USE) {
            log.info("Reporting reads go to the read replica ({} s behind, bound {}).", lastLag, settings.maxLag());
        } else if (failure != null) {
            log.warn("Reporting reads go to the primary: {} ({}).", now.reason(), failure.toString());
        } else {
            log.warn(
                    "Reporting reads go to the primary: {} (lag {} s, bound {}).",
                    now.reason(),
                    lastLag,
                    settings.maxLag());
        }
    }

    @Override
    public void stop() {
        Disposable running = checks;
        if (running != null) {
            running.dispose();
        }
        checks = null;
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
    }
}
