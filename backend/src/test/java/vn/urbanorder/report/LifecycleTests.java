package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.testing.SampleReports;

/** The handling table of docs/workflow.md, cell by cell: what each action does from each status, and for whom. */
class LifecycleTests {

    /** Which action a report in which status allows ({@code x}); everything else is refused with 409. */
    private static final String FROM = """
                         UNASSIGNED  ASSIGNED  IN_PROGRESS  RESOLVED  VERIFIED  REOPENED  REJECTED  DUPLICATE
            ACCEPT       .           x         .            .         .         x         .         .
            RESOLVE      .           .         x            .         .         .         .         .
            VERIFY       .           .         .            x         .         .         .         .
            REOPEN       .           .         .            x         x         .         .         .
            REJECT       x           x         x            .         .         x         .         x
            REASSIGN     x           x         x            .         .         x         .         .
            UNDUPLICATE  .           .         .            .         .         .         .         x
            """;

    /** Which caller may take which action on a report assigned to {@link #UNIT} at all, whatever its status. */
    private static final String WHO = """
                                   ACCEPT  RESOLVE  VERIFY  REOPEN  REJECT  REASSIGN  UNDUPLICATE
            patrol                 .       .        .       .       .       .         .
            inspector              .       .        .       .       .       .         .
            wardAdmin              .       .        x       x       x       x         x
            staffOfTheUnit         x       x        .       .       .       .         .
            staffOfAnotherUnit     .       .        .       .       .       .         .
            staffWithoutAUnit      .       .        .       .       .       .         .
            wardAdminAndUnitStaff  x       x        x       x       x       x         x
            """;

    private static final UUID UNIT = UUID.randomUUID();
    private static final Assignment TO_UNIT =
            new Assignment(new Assignment.UnitRef(UNIT, "VSMT", "Tổ Vệ sinh môi trường"), null, null, null);

    @ParameterizedTest(name = "{0} from {1}: {2}")
    @MethodSource("fromTable")
    void eachActionIsAllowedFromExactlyTheStatusesOfTheTable(ReportAction action, ReportStatus from, boolean allowed) {
        assertThat(Lifecycle.allowedFrom(action, from))
                .as("%s from %s", action, from)
                .isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} leads to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ACCEPT      | IN_PROGRESS
            RESOLVE     | RESOLVED
            VERIFY      | VERIFIED
            REOPEN      | REOPENED
            REJECT      | REJECTED
            REASSIGN    | ASSIGNED
            UNDUPLICATE | ASSIGNED
            """)
    void eachActionLeadsToItsStatus(ReportAction action, ReportStatus target) {
        assertThat(Lifecycle.target(action)).as("%s leads to", action).isEqualTo(target);
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @MethodSource("whoTable")
    void eachCallerMayTakeExactlyTheActionsOfTheTable(String caller, ReportAction action, boolean may) {
        assertThat(Lifecycle.mayTake(caller(caller), report(ReportStatus.ASSIGNED, TO_UNIT), action))
                .as("%s may %s", caller, action)
                .isEqualTo(may);
    }

    @ParameterizedTest(name = "{0} on a report without a unit")
    @MethodSource("unitActions")
    void noStaffTakesOnAReportNoUnitWasFoundFor(ReportAction action) {
        var staff = caller("staffOfTheUnit");

        assertThat(Lifecycle.mayTake(staff, report(ReportStatus.UNASSIGNED, Assignment.NONE), action))
                .isFalse();
        assertThat(Lifecycle.mayTake(staff, report(ReportStatus.UNASSIGNED, null), action))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} on a {1} report: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            staffOfTheUnit     | ASSIGNED    | ACCEPT
            staffOfTheUnit     | REOPENED    | ACCEPT
            staffOfTheUnit     | IN_PROGRESS | RESOLVE
            staffOfTheUnit     | RESOLVED    |
            staffOfAnotherUnit | ASSIGNED    |
            wardAdmin          | UNASSIGNED  | REJECT REASSIGN
            wardAdmin          | ASSIGNED    | REJECT REASSIGN
            wardAdmin          | IN_PROGRESS | REJECT REASSIGN
            wardAdmin          | RESOLVED    | VERIFY REOPEN
            wardAdmin          | VERIFIED    | REOPEN
            wardAdmin          | DUPLICATE   | REJECT UNDUPLICATE
            wardAdmin          | REJECTED    |
            patrol             | ASSIGNED    |
            inspector          | RESOLVED    |
            """)
    void theActionsOfferedAreThoseBothTablesAllow(String caller, ReportStatus status, String actions) {
        Set<ReportAction> expected = EnumSet.noneOf(ReportAction.class);
        if (actions != null) {
            Arrays.stream(actions.split(" ")).map(ReportAction::valueOf).forEach(expected::add);
        }

        assertThat(Lifecycle.allowed(caller(caller), report(status, TO_UNIT)))
                .as("what %s may do to a %s report", caller, status)
                .isEqualTo(expected);
    }

    @Test
    void theTablesNameEveryStatusAndEveryAction() {
        assertThat(header(FROM)).containsExactly(names(ReportStatus.values()));
        assertThat(rowNames(FROM)).containsExactly(names(ReportAction.values()));
        assertThat(header(WHO)).containsExactly(names(ReportAction.values()));
    }

    static Stream<Arguments> fromTable() {
        return cells(FROM)
                .map(cell -> Arguments.of(
                        ReportAction.valueOf(cell.row()), ReportStatus.valueOf(cell.column()), cell.marked()));
    }

    static Stream<Arguments> whoTable() {
        return cells(WHO).map(cell -> Arguments.of(cell.row(), ReportAction.valueOf(cell.column()), cell.marked()));
    }

    static Stream<ReportAction> unitActions() {
        return Stream.of(ReportAction.ACCEPT, ReportAction.RESOLVE);
    }

    private static Caller caller(String who) {
        return switch (who) {
            case "patrol" -> caller(null, Role.PATROL);
            case "inspector" -> caller(null, Role.INSPECTOR);
            case "wardAdmin" -> caller(null, Role.WARD_ADMIN);
            case "staffOfTheUnit" -> caller(UNIT, Role.UNIT_STAFF);
            case "staffOfAnotherUnit" -> caller(UUID.randomUUID(), Role.UNIT_STAFF);
            case "staffWithoutAUnit" -> caller(null, Role.UNIT_STAFF);
            case "wardAdminAndUnitStaff" -> caller(UNIT, Role.WARD_ADMIN, Role.UNIT_STAFF);
            default -> throw new IllegalArgumentException("No such caller in the table: " + who);
        };
    }

    private static Caller caller(UUID unitId, Role... roles) {
        return new Caller(UUID.randomUUID(), "u", UUID.randomUUID(), UUID.randomUUID(), "GT", Set.of(roles), unitId);
    }

    private static Report report(ReportStatus status, Assignment assignment) {
        return SampleReports.report(UUID.randomUUID(), 1, status, assignment);
    }

    /** One cell of a table: its row's and column's names, and whether it holds an {@code x}. */
    private record Cell(String row, String column, boolean marked) {}

    private static Stream<Cell> cells(String table) {
        List<String> columns = header(table);
        return table.lines().skip(1).flatMap(line -> {
            String[] words = line.trim().split("\\s+");
            if (words.length != columns.size() + 1) {
                throw new IllegalStateException("A row of the table has the wrong number of cells: " + line);
            }
            return Stream.iterate(1, i -> i < words.length, i -> i + 1)
                    .map(i -> new Cell(words[0], columns.get(i - 1), "x".equals(words[i])));
        });
    }

    private static List<String> header(String table) {
        return List.of(table.lines().findFirst().orElseThrow().trim().split("\\s+"));
    }

    private static List<String> rowNames(String table) {
        return table.lines().skip(1).map(line -> line.trim().split("\\s+")[0]).toList();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
