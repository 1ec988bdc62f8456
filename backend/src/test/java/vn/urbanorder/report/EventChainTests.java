package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.urbanorder.shared.Sha256;

/** The chain checks each event in the form it was hashed in, the first form included. */
class EventChainTests {

    private static final UUID REPORT = UUID.fromString("3f1c2a9e-8b1d-4c55-9a70-2b6f0d1e4a11");
    private static final Instant AT = Instant.parse("2026-11-22T02:30:00.123456Z");

    @Test
    void anEventHashedInTheFirstFormStillVerifies() {
        String data = "{\"category\":\"SANITATION\"}";
        // The first form: the fields joined by U+001F, a null as empty.
        String hash = Sha256.hex(String.join(
                "\u001f",
                "v1",
                REPORT.toString(),
                "1",
                "",
                AT.toString(),
                "",
                "SUBMITTED",
                "",
                "UNASSIGNED",
                "",
                data));
        var event =
                new ReportEvent(REPORT, 1, AT, null, null, "SUBMITTED", null, "UNASSIGNED", null, data, null, hash, 1);

        assertThat(EventChain.check(List.of(event), 1, ReportStatus.UNASSIGNED)).isNull();
        var edited =
                new ReportEvent(REPORT, 1, AT, null, null, "SUBMITTED", null, "UNASSIGNED", "sửa", data, null, hash, 1);
        assertThat(EventChain.check(List.of(edited), 1, ReportStatus.UNASSIGNED))
                .extracting(EventChain.Break::seq)
                .isEqualTo(1);
    }

    @Test
    void aNullAndAnEmptyNoteHashApartInTheCurrentForm() {
        var withNull = new NewEvent(AT, null, "ACCEPT", ReportStatus.ASSIGNED, ReportStatus.IN_PROGRESS, null, "{}");
        var withEmpty = new NewEvent(AT, null, "ACCEPT", ReportStatus.ASSIGNED, ReportStatus.IN_PROGRESS, "", "{}");
        assertThat(EventChain.hash(REPORT, 2, "x", withNull)).isNotEqualTo(EventChain.hash(REPORT, 2, "x", withEmpty));
    }
}
