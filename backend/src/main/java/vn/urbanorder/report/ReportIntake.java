package vn.urbanorder.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.ward.Ward;

/**
 * Takes reports from patrols' phones exactly once. A phone retries until it hears back, so the
 * same report may arrive many times, at once, on different instances: the unique constraint on
 * (reporter, client id) decides which arrival records it, and every other one gets that report.
 */
@Service
public class ReportIntake {

    private final ReportStore reports;
    private final ReportRules rules;
    private final TransactionalOperator transactions;
    private final Clock clock;

    ReportIntake(ReportStore reports, ReportRules rules, TransactionalOperator transactions, Clock clock) {
        this.reports = reports;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Intake> submit(Caller caller, ReportSubmission submission) {
        String payload = payloadSha256(submission);
        return reports.findByClientId(caller.userId(), submission.clientReportId())
                .map(existing -> replay(existing, payload))
                .switchIfEmpty(Mono.defer(() ->
                        rules.check(caller, submission).flatMap(ward -> record(caller, ward, submission, payload))));
    }

    private Mono<Intake> record(Caller caller, Ward ward, ReportSubmission submission, String payload) {
        Instant now = clock.instant();
        int year = now.atZone(ward.timeZone()).getYear();
        Set<ReportFlag> flags = rules.flags(submission);
        Mono<Intake> inserted = reports.nextNumber(ward.id(), year)
                .flatMap(number -> reports.insert(new NewReport(
                        ward.id(), caller.userId(), reference(ward, year, number), submission, payload, now, flags)))
                // Someone else's arrival of the same report won: undo the number taken, keep theirs.
                .switchIfEmpty(Mono.error(AlreadyRecorded::new))
                .then(reports.findByClientId(caller.userId(), submission.clientReportId()))
                .map(stored -> new Intake(stored.report(), true));
        return transactions.transactional(inserted).onErrorResume(AlreadyRecorded.class, lost -> reports.findByClientId(
                        caller.userId(), submission.clientReportId())
                .map(existing -> replay(existing, payload)));
    }

    private static Intake replay(ReportStore.Stored existing, String payload) {
        if (!existing.payloadSha256().equals(payload)) {
            throw InvalidRequestException.of(
                    "clientReportId", "Mã phản ánh này đã được dùng cho một phản ánh có nội dung khác.");
        }
        return new Intake(existing.report(), false);
    }

    /** GT-2026-000123: the ward's code, the year in the ward's time zone, and the number. */
    private static String reference(Ward ward, int year, int number) {
        return "%s-%d-%06d".formatted(ward.code(), year, number);
    }

    /** What the officer stated, in a fixed form: equal submissions hash equal, whatever the JSON looked like. */
    static String payloadSha256(ReportSubmission submission) {
        String canonical = Stream.of(
                        submission.category(),
                        submission.subtype(),
                        submission.description(),
                        submission.addressText(),
                        submission.location().point().lat(),
                        submission.location().point().lon(),
                        submission.location().accuracyM(),
                        submission.observedAt().toInstant(),
                        submission.observedAt().getOffset(),
                        submission.inspectionRoundId())
                .map(value -> Objects.toString(value, ""))
                .collect(Collectors.joining("\u001f"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Signals, inside the transaction, that another arrival recorded the report first. */
    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super(null, null, false, false);
        }
    }
}
