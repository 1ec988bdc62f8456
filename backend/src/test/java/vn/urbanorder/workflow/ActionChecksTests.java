package vn.urbanorder.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportAction;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.testing.SampleReports;

/**
 * The checks an action meets before anything is looked up, row by row: who is refused (403), a
 * version seen before a change (412 from If-Match, 409 from the body), a status the action is not
 * taken from (409, with what is allowed), no version at all (428), and what the request lacks or
 * carries that the action does not take (422, every field at once, in order).
 */
class ActionChecksTests {

    private static final UUID UNIT = UUID.randomUUID();
    private static final UUID REPORT = UUID.randomUUID();
    private static final int VERSION = 3;

    /**
     * One request per row: who sends it, on a report in which status, what it carries besides the
     * action (by default the current version in If-Match and nothing else; each {@code photo} is
     * one after-photo), and the answer: the status, with the actions allowed instead for a 409 from
     * the status and every refused field for a 422, or "passes" on to the lookups.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # who may act at all
            a patrol accepts                        | patrol     | ASSIGNED    | ACCEPT      |                                                 | 403
            an inspector verifies                   | inspector  | RESOLVED    | VERIFY      |                                                 | 403
            staff of another unit accept            | otherStaff | ASSIGNED    | ACCEPT      |                                                 | 403
            the ward admin accepts for the unit     | admin      | ASSIGNED    | ACCEPT      |                                                 | 403
            unit staff reassign                     | staff      | ASSIGNED    | REASSIGN    | note unit                                       | 403
            a stranger with an old version gets 403 | otherStaff | ASSIGNED    | ACCEPT      | oldVersion                                      | 403
            # which version the caller saw
            an old version from If-Match            | staff      | ASSIGNED    | ACCEPT      | oldVersion                                      | 412
            an old version from the body            | staff      | ASSIGNED    | ACCEPT      | oldVersionInBody                                | 409
            an old version before a wrong status    | staff      | IN_PROGRESS | ACCEPT      | oldVersion                                      | 412
            an old version before missing fields    | staff      | IN_PROGRESS | RESOLVE     | oldVersion                                      | 412
            the current version from the body       | staff      | ASSIGNED    | ACCEPT      | versionInBody                                   | passes
            # from which status
            accepting work in progress              | staff      | IN_PROGRESS | ACCEPT      |                                                 | 409 allowed [RESOLVE]
            resolving what nobody accepted          | staff      | ASSIGNED    | RESOLVE     | note photo                                      | 409 allowed [ACCEPT]
            verifying an open report                | admin      | ASSIGNED    | VERIFY      |                                                 | 409 allowed [REJECT, REASSIGN]
            rejecting a rejected report             | admin      | REJECTED    | REJECT      | note reason:OTHER                               | 409 allowed []
            a wrong status before no version        | staff      | IN_PROGRESS | ACCEPT      | noVersion                                       | 409 allowed [RESOLVE]
            # say which version
            no version                              | staff      | ASSIGNED    | ACCEPT      | noVersion                                       | 428
            no version before missing fields        | staff      | IN_PROGRESS | RESOLVE     | noVersion                                       | 428
            # fields the action does not take
            photos with an accept                   | staff      | ASSIGNED    | ACCEPT      | photo                                           | 422 photos
            a reason with an accept                 | staff      | ASSIGNED    | ACCEPT      | reason:OTHER                                    | 422 reason
            a unit with an accept                   | staff      | ASSIGNED    | ACCEPT      | unit                                            | 422 unitId
            a duplicate with an accept              | staff      | ASSIGNED    | ACCEPT      | duplicateOf:another                             | 422 duplicateOf
            all of them at once                     | staff      | ASSIGNED    | ACCEPT      | photo reason:OTHER unit duplicateOf:another     | 422 photos duplicateOf unitId reason
            a duplicate with another reason         | admin      | ASSIGNED    | REJECT      | note reason:NOT_A_VIOLATION duplicateOf:another | 422 duplicateOf
            a reason with a reassignment            | admin      | ASSIGNED    | REASSIGN    | note unit reason:OTHER                          | 422 reason
            photos with a verification              | admin      | RESOLVED    | VERIFY      | photo                                           | 422 photos
            # what each action needs
            a bare resolution                       | staff      | IN_PROGRESS | RESOLVE     |                                                 | 422 note photos
            a resolution without a photo            | staff      | IN_PROGRESS | RESOLVE     | note                                            | 422 photos
            a resolution with a blank note          | staff      | IN_PROGRESS | RESOLVE     | blankNote photo                                 | 422 note
            a bare rejection                        | admin      | ASSIGNED    | REJECT      |                                                 | 422 note reason
            a reason not on the list                | admin      | ASSIGNED    | REJECT      | note reason:SPAM                                | 422 reason
            a duplicate of nothing named            | admin      | DUPLICATE   | REJECT      | note reason:DUPLICATE                           | 422 duplicateOf
            a duplicate of itself                   | admin      | ASSIGNED    | REJECT      | note reason:DUPLICATE duplicateOf:itself        | 422 duplicateOf
            a bare reassignment                     | admin      | UNASSIGNED  | REASSIGN    |                                                 | 422 note unitId
            # what passes on to the lookups and the change
            an accept                               | staff      | ASSIGNED    | ACCEPT      |                                                 | passes
            an accept of a reopened report          | staff      | REOPENED    | ACCEPT      |                                                 | passes
            a resolution with a note and a photo    | staff      | IN_PROGRESS | RESOLVE     | note photo                                      | passes
            a resolution with two photos            | staff      | IN_PROGRESS | RESOLVE     | note photo photo                                | passes
            a rejection as a duplicate              | admin      | ASSIGNED    | REJECT      | note reason:DUPLICATE duplicateOf:another       | passes
            a rejection as out of the area          | admin      | IN_PROGRESS | REJECT      | note reason:OUT_OF_AREA                         | passes
            a reassignment with a note and a unit   | admin      | ASSIGNED    | REASSIGN    | note unit                                       | passes
            a verification                          | admin      | RESOLVED    | VERIFY      |                                                 | passes
            a reopening, which needs no note        | admin      | VERIFIED    | REOPEN      |                                                 | passes
            an unduplication                        | admin      | DUPLICATE   | UNDUPLICATE |                                                 | passes
            """)
    void eachActionIsRefusedForItsFirstReasonOrPasses(
            String row, String caller, ReportStatus status, ReportAction action, String sent, String expected) {
        var request = new Request(action);
        int photos = 0;
        for (String word : sent == null ? new String[0] : sent.split(" ")) {
            if (word.equals("photo")) {
                photos++;
            } else {
                request.carries(word);
            }
        }

        var refusal = ActionChecks.refusal(caller(caller), report(status), request.build(), photos);

        assertThat(refusal.map(ActionChecksTests::answer).orElse("passes"))
                .as(row)
                .isEqualTo(expected);
    }

    /** An action as a row of the table sends it. */
    private static final class Request {

        private final ReportAction action;
        private String note;
        private UUID unitId;
        private String reason;
        private UUID duplicateOf;
        private Integer version = VERSION;
        private boolean fromHeader = true;

        Request(ReportAction action) {
            this.action = action;
        }

        void carries(String word) {
            String[] parts = word.split(":", 2);
            switch (parts[0]) {
                case "note" -> note = "Đã xử lý xong";
                case "blankNote" -> note = "  ";
                case "unit" -> unitId = UUID.randomUUID();
                case "reason" -> reason = parts[1];
                case "duplicateOf" -> duplicateOf = parts[1].equals("itself") ? REPORT : UUID.randomUUID();
                case "oldVersion" -> version = VERSION - 1;
                case "oldVersionInBody" -> {
                    version = VERSION - 1;
                    fromHeader = false;
                }
                case "versionInBody" -> fromHeader = false;
                case "noVersion" -> {
                    version = null;
                    fromHeader = false;
                }
                default -> throw new IllegalArgumentException("Not a word of the table: " + word);
            }
        }

        ActionRequest build() {
            return new ActionRequest(action, note, unitId, reason, duplicateOf, version, fromHeader);
        }
    }

    /** The refusal as the table writes it. */
    private static String answer(RuntimeException refusal) {
        if (refusal instanceof InvalidRequestException invalid) {
            return "422 "
                    + String.join(
                            " ",
                            invalid.fieldErrors().stream()
                                    .map(InvalidRequestException.FieldProblem::field)
                                    .toList());
        }
        var problem = (ProblemException) refusal;
        int status = problem.getStatusCode().value();
        var properties = problem.getBody().getProperties();
        if (properties != null && properties.containsKey("allowedActions")) {
            return status + " allowed " + properties.get("allowedActions");
        }
        return String.valueOf(status);
    }

    private static Caller caller(String who) {
        return switch (who) {
            case "patrol" -> caller(null, Role.PATROL);
            case "inspector" -> caller(null, Role.INSPECTOR);
            case "admin" -> caller(null, Role.WARD_ADMIN);
            case "staff" -> caller(UNIT, Role.UNIT_STAFF);
            case "otherStaff" -> caller(UUID.randomUUID(), Role.UNIT_STAFF);
            default -> throw new IllegalArgumentException("No such caller in the table: " + who);
        };
    }

    private static Caller caller(UUID unitId, Role role) {
        return new Caller(UUID.randomUUID(), "u", UUID.randomUUID(), UUID.randomUUID(), "GT", Set.of(role), unitId);
    }

    /** A report at {@link #VERSION}, assigned to {@link #UNIT}. */
    private static Report report(ReportStatus status) {
        return SampleReports.report(
                REPORT,
                VERSION,
                status,
                new Assignment(new Assignment.UnitRef(UNIT, "VSMT", "Tổ Vệ sinh môi trường"), null, null, null));
    }
}
