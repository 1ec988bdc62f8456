package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.testing.IntegrationTest;

/**
 * The rules about report states are named once: in SQL as the functions of migration V25, in
 * Java as the groups of {@link ReportStatus}. The two must agree for every status, and no query
 * spells a group out as a list of statuses.
 */
@IntegrationTest
class ReportStatusGroupsIntegrationTests {

    private static final List<String> REJECTION_REASONS =
            Arrays.asList(null, ReportStatus.NOT_A_VIOLATION, "OUT_OF_AREA", "DUPLICATE", "OTHER");

    private static final Instant DUE = Instant.parse("2026-10-01T10:00:00Z");

    @Autowired
    DatabaseClient database;

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void theSqlGroupsAgreeWithJava(ReportStatus status) {
        var sql = database.sql("SELECT report_open(:s) AS open, report_waiting(:s) AS waiting,"
                        + " report_awaiting_unit(:s) AS awaiting_unit, report_cleared(:s) AS cleared,"
                        + " report_violation(:s) AS violation")
                .bind("s", status.name())
                .map(row -> List.of(
                        row.get("open", Boolean.class),
                        row.get("waiting", Boolean.class),
                        row.get("awaiting_unit", Boolean.class),
                        row.get("cleared", Boolean.class),
                        row.get("violation", Boolean.class)))
                .one()
                .block();
        assertThat(sql)
                .as("open, waiting, awaiting unit, cleared, violation")
                .containsExactly(
                        status.open(), status.waiting(), status.awaitsUnit(), status.cleared(), status.violation());

        for (String reason : REJECTION_REASONS) {
            var counts = Binds.nullable(
                            database.sql("SELECT report_counts_at_location(:s, :reason) AS counts")
                                    .bind("s", status.name()),
                            "reason",
                            reason,
                            String.class)
                    .map(row -> row.get("counts", Boolean.class))
                    .one()
                    .block();
            assertThat(counts)
                    .as("counts at a location, rejected as %s", reason)
                    .isEqualTo(status.countsAtLocation(reason));
        }

        List<Instant> times = Arrays.asList(null, DUE.minusSeconds(1), DUE, DUE.plusNanos(1000));
        for (Instant due : Arrays.asList(null, DUE)) {
            for (Instant resolved : times) {
                var spec = database.sql(
                                "SELECT coalesce(report_resolved_on_time(:s, :due, :resolved), false) AS on_time")
                        .bind("s", status.name());
                spec = Binds.nullable(spec, "due", due, Instant.class);
                spec = Binds.nullable(spec, "resolved", resolved, Instant.class);
                var onTime =
                        spec.map(row -> row.get("on_time", Boolean.class)).one().block();
                assertThat(onTime)
                        .as("resolved on time, due %s, resolved %s", due, resolved)
                        .isEqualTo(status.resolvedOnTime(due, resolved));
            }
        }
    }

    /** Two or more statuses in one list of a query is a group spelled out again: name it in V25 instead. */
    @Test
    void noQuerySpellsOutAGroupOfStatuses() throws IOException {
        String status = Arrays.stream(ReportStatus.values()).map(Enum::name).collect(Collectors.joining("|"));
        Pattern list = Pattern.compile("'(" + status + ")'\\s*,\\s*'(" + status + ")'");
        List<String> found = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                var matcher = list.matcher(text);
                while (matcher.find()) {
                    found.add(source + ": " + matcher.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
