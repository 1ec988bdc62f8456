package vn.urbanorder.stats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.testing.Fixtures;

/**
 * A ward of its own with a known October 2026 (and a little of September and November), written
 * straight into the tables so that every figure can be checked exactly. Times are the ward's
 * (UTC+7). {@code docs/stats.md} explains the figures; the expected values are in
 * {@link StatsIntegrationTests}.
 *
 * <pre>
 * ref  observed (local)   category / subtype              zone seg unit  status     due / resolved            notes
 * R1   10-03 09:00        SIDEWALK / GOODS_DISPLAY        Z1   S1  U1    RESOLVED   10-05 / 10-04 10:05       on time, L1, P1
 * R2   10-07 08:00        SIDEWALK / GOODS_DISPLAY        Z1   -   U1    VERIFIED   10-08 / 10-09 08:05       late, REPEAT, L1, P1
 * R3   10-10 10:00        SIDEWALK / VEHICLE_PARKING      Z2   -   U2*   ASSIGNED   10-20 (then U1)           L2, P2; *reassigned from U1 on 11-03
 * R4   10-12 10:00        CONSTRUCTION / NO_PERMIT        Z2   S1  U2    RESOLVED   11-20 / 11-05 10:05       in progress at month end, L3, P2
 * R5   10-15 14:00        SANITATION / -                  -    -   U2    RESOLVED   10-16 / 10-15 20:05       on time, L4, round RD1, P1
 * R6   10-16 09:00        SIDEWALK / VEHICLE_PARKING      Z2   -   -     DUPLICATE  of R3                     P1
 * R7   10-18 09:00        SANITATION / LITTERING          Z1   -   U2    REJECTED   NOT_A_VIOLATION           round RD1, P2
 * R8   10-19 09:00        CONSTRUCTION / -                -    -   -     REJECTED   OUT_OF_AREA               P2
 * R12  10-20 09:00        CONSTRUCTION / NOT_AS_PERMITTED Z1   -   U2    RESOLVED   10-25 / 10-30 09:05       late, REPEAT, L5, P1
 * R9   10-31 23:30        SIDEWALK / GOODS_DISPLAY        Z1   -   U1    ASSIGNED   11-02                     REPEAT, L1, P1: last minutes of October
 * R10  11-01 00:10        SIDEWALK / GOODS_DISPLAY        Z1   -   U1    ASSIGNED   11-03                     L1, P1: November
 * R11  09-30 23:50        SIDEWALK / GOODS_DISPLAY        Z1   -   U1    RESOLVED   10-02 / 10-01 09:00       L1, round RD2, P1: September
 * R13  09-20 09:00        SANITATION / ILLEGAL_DUMPING    Z2   -   U2    ASSIGNED   09-22                     P2: September, still open
 * R14  09-10 09:00        SIDEWALK / MATERIALS            Z1   -   U1    REOPENED   11-12                     P2: resolved 09-12, disputed 11-10
 * R15  08-15 09:00        CONSTRUCTION / NOT_AS_PERMITTED Z1   -   U2    RESOLVED   08-20 / 08-18 09:00       REPEAT, L5, P1: August
 * </pre>
 *
 * L1 became a repeat point with R2 (10-07); L5 with R15, in August. Rounds: RD1 10-14..10-15,
 * RD2 09-28..10-02, RD3 11-03..11-04. Zones: TDP01, TDP02, TDP03 current; TDP09 closed on
 * 2026-09-01. Segment S1 (TKQ01).
 */
final class OctoberSeed {

    private static final ZoneOffset WARD = ZoneOffset.ofHours(7);

    final UUID ward;
    final UUID unit1;
    final UUID unit2;
    final UUID zone1;
    final UUID zone2;
    final UUID segment;
    final String patrol1;
    final String patrol2;
    final String admin;
    final String inspector;
    final String unitStaff;

    private final DatabaseClient database;
    private final UUID patrol1Id;
    private final UUID patrol2Id;
    private final List<UUID> locations = new ArrayList<>();
    private final List<UUID> rounds = new ArrayList<>();
    private int references;

    OctoberSeed(DatabaseClient database, Fixtures fixtures) {
        this.database = database;
        ward = fixtures.ward();
        unit1 = fixtures.unit(ward);
        unit2 = fixtures.unit(ward);
        patrol1 = fixtures.user(ward, "PATROL");
        patrol2 = fixtures.user(ward, "PATROL");
        admin = fixtures.user(ward, "WARD_ADMIN");
        inspector = fixtures.user(ward, "INSPECTOR");
        unitStaff = fixtures.user(ward, unit1, "UNIT_STAFF");
        patrol1Id = userId(patrol1);
        patrol2Id = userId(patrol2);
        zone1 = zone("TDP01", "Tổ dân phố số 1", "ZONE", "2026-01-01T00:00:00Z", null);
        zone2 = zone("TDP02", "Tổ dân phố số 2", "ZONE", "2026-01-01T00:00:00Z", null);
        zone("TDP03", "Tổ dân phố số 3", "ZONE", "2026-01-01T00:00:00Z", null);
        zone("TDP09", "Tổ dân phố số 9 (đã giải thể)", "ZONE", "2026-01-01T00:00:00Z", "2026-09-01T00:00:00Z");
        segment = zone("TKQ01", "Tuyến phố Thử", "SEGMENT", "2026-01-01T00:00:00Z", null);
        UUID l1 = location("SIDEWALK_ENCROACHMENT", zone1, "2026-10-07T08:00");
        UUID l2 = location("SIDEWALK_ENCROACHMENT", zone2, null);
        UUID l3 = location("CONSTRUCTION", zone2, null);
        UUID l4 = location("SANITATION", null, null);
        UUID l5 = location("CONSTRUCTION", zone1, "2026-08-15T09:00");
        UUID rd1 = round("Kiểm tra tuyến phố Thử", "2026-10-14", "2026-10-15");
        UUID rd2 = round("Kiểm tra cuối tháng 9", "2026-09-28", "2026-10-02");
        round("Kiểm tra đầu tháng 11", "2026-11-03", "2026-11-04");

        Report r11 = new Report("2026-09-30T23:50", "SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", patrol1Id)
                .at(zone1, null, unit1, l1)
                .status("RESOLVED", "2026-10-02T09:00", "2026-10-01T09:00")
                .round(rd2)
                .address("Số 1 phố Thử");
        insert(r11);
        insert(new Report("2026-10-03T09:00", "SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", patrol1Id)
                .at(zone1, segment, unit1, l1)
                .status("RESOLVED", "2026-10-05T09:05", "2026-10-04T10:05")
                .address("Số 3 phố Thử"));
        insert(new Report("2026-10-07T08:00", "SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", patrol1Id)
                .at(zone1, null, unit1, l1)
                .status("VERIFIED", "2026-10-08T08:05", "2026-10-09T08:05")
                .repeat());
        Report r3 = new Report("2026-10-10T10:00", "SIDEWALK_ENCROACHMENT", "VEHICLE_PARKING", patrol2Id)
                .at(zone2, null, unit2, l2)
                .status("ASSIGNED", "2026-11-10T10:00", null);
        insert(r3);
        events(r3, assigned(r3, unit1, "2026-10-20T10:05"), reassigned("2026-11-03T09:00", unit2, "2026-11-10T10:00"));
        Report r4 = new Report("2026-10-12T10:00", "CONSTRUCTION", "NO_PERMIT", patrol2Id)
                .at(zone2, segment, unit2, l3)
                .status("RESOLVED", "2026-11-20T10:05", "2026-11-05T10:05");
        insert(r4);
        events(
                r4,
                assigned(r4, unit2, "2026-11-20T10:05"),
                new Event("2026-10-13T08:00", "ACCEPT", "ASSIGNED", "IN_PROGRESS", "{}"),
                new Event("2026-11-05T10:05", "RESOLVE", "IN_PROGRESS", "RESOLVED", "{}"));
        insert(new Report("2026-10-15T14:00", "SANITATION", null, patrol1Id)
                .at(null, null, unit2, l4)
                .status("RESOLVED", "2026-10-16T14:05", "2026-10-15T20:05")
                .round(rd1));
        insert(new Report("2026-10-16T09:00", "SIDEWALK_ENCROACHMENT", "VEHICLE_PARKING", patrol1Id)
                .at(zone2, null, null, l2)
                .status("DUPLICATE", null, null)
                .duplicateOf(r3.id));
        insert(new Report("2026-10-18T09:00", "SANITATION", "LITTERING", patrol2Id)
                .at(zone1, null, unit2, null)
                .status("REJECTED", null, null)
                .rejected("NOT_A_VIOLATION")
                .round(rd1));
        insert(new Report("2026-10-19T09:00", "CONSTRUCTION", null, patrol2Id)
                .at(null, null, null, null)
                .status("REJECTED", null, null)
                .rejected("OUT_OF_AREA"));
        insert(new Report("2026-10-20T09:00", "CONSTRUCTION", "NOT_AS_PERMITTED", patrol1Id)
                .at(zone1, null, unit2, l5)
                .status("RESOLVED", "2026-10-25T09:05", "2026-10-30T09:05")
                .repeat());
        Report r9 = new Report("2026-10-31T23:30", "SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", patrol1Id)
                .at(zone1, null, unit1, l1)
                .status("ASSIGNED", "2026-11-02T23:35", null)
                .repeat();
        insert(r9);
        events(r9, assigned(r9, unit1, "2026-11-02T23:35"));
        Report r10 = new Report("2026-11-01T00:10", "SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", patrol1Id)
                .at(zone1, null, unit1, l1)
                .status("ASSIGNED", "2026-11-03T00:15", null);
        insert(r10);
        events(r10, assigned(r10, unit1, "2026-11-03T00:15"));
        Report r13 = new Report("2026-09-20T09:00", "SANITATION", "ILLEGAL_DUMPING", patrol2Id)
                .at(zone2, null, unit2, null)
                .status("ASSIGNED", "2026-09-22T09:05", null);
        insert(r13);
        events(r13, assigned(r13, unit2, "2026-09-22T09:05"));
        insert(new Report("2026-08-15T09:00", "CONSTRUCTION", "NOT_AS_PERMITTED", patrol1Id)
                .at(zone1, null, unit2, l5)
                .status("RESOLVED", "2026-08-20T09:05", "2026-08-18T09:00")
                .repeat());
        Report r14 = new Report("2026-09-10T09:00", "SIDEWALK_ENCROACHMENT", "MATERIALS", patrol2Id)
                .at(zone1, null, unit1, null)
                .status("REOPENED", "2026-11-12T09:00", null);
        insert(r14);
        events(
                r14,
                assigned(r14, unit1, "2026-09-12T09:05"),
                new Event("2026-09-11T08:00", "ACCEPT", "ASSIGNED", "IN_PROGRESS", "{}"),
                new Event("2026-09-12T08:00", "RESOLVE", "IN_PROGRESS", "RESOLVED", "{}"),
                new Event(
                        "2026-11-10T09:00",
                        "REVIEW",
                        "RESOLVED",
                        "REOPENED",
                        "{\"dueAt\":\"" + local("2026-11-12T09:00") + "\",\"verdict\":\"DISPUTED\"}"));
    }

    /** Local time of the ward, as an instant. */
    static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(WARD);
    }

    private UUID userId(String username) {
        return database.sql("SELECT id FROM app_user WHERE username = :name")
                .bind("name", username)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }

    private UUID zone(String code, String name, String kind, String from, String to) {
        UUID id = UUID.randomUUID();
        var insert = database.sql("INSERT INTO zone (id, ward_id, code, name, kind, buffer_m, geometry, valid_from,"
                        + " valid_to) VALUES (:id, :ward, :code, :name, :kind, :buffer, '{}'::jsonb, :from, :to)")
                .bind("id", id)
                .bind("ward", ward)
                .bind("code", code)
                .bind("name", name)
                .bind("kind", kind)
                .bind("from", Instant.parse(from));
        insert = kind.equals("SEGMENT") ? insert.bind("buffer", 20.0) : insert.bindNull("buffer", Double.class);
        insert = to == null ? insert.bindNull("to", Instant.class) : insert.bind("to", Instant.parse(to));
        insert.then().block();
        return id;
    }

    private UUID location(String category, UUID zone, String firstRepeat) {
        UUID id = UUID.randomUUID();
        var insert = database.sql(
                        "INSERT INTO violation_location (id, ward_id, category, lat, lon, zone_id, created_at,"
                                + " first_repeat_at) VALUES (:id, :ward, :category, :lat, :lon, :zone, now(), :repeat)")
                .bind("id", id)
                .bind("ward", ward)
                .bind("category", category)
                .bind("lat", 21.04 + locations.size() * 0.001)
                .bind("lon", 105.88);
        insert = zone == null ? insert.bindNull("zone", UUID.class) : insert.bind("zone", zone);
        insert = firstRepeat == null
                ? insert.bindNull("repeat", Instant.class)
                : insert.bind("repeat", local(firstRepeat));
        insert.then().block();
        locations.add(id);
        return id;
    }

    private UUID round(String title, String from, String to) {
        UUID id = UUID.randomUUID();
        database.sql("INSERT INTO inspection_round (id, ward_id, title, started_on, ended_on, created_by, created_at)"
                        + " VALUES (:id, :ward, :title, CAST(:from AS date), CAST(:to AS date), :by, now())")
                .bind("id", id)
                .bind("ward", ward)
                .bind("title", title)
                .bind("from", from)
                .bind("to", to)
                .bind("by", patrol1Id)
                .then()
                .block();
        rounds.add(id);
        return id;
    }

    private void insert(Report report) {
        report.reference = "S" + ward.toString().substring(0, 4) + "-" + (++references);
        var insert = database.sql("""
                        INSERT INTO report (id, ward_id, reference, reporter_id, client_report_id, payload_sha256,
                                            category, subtype, address_text, lat, lon, observed_at,
                                            observed_offset_seconds, received_at, status, flags, zone_id, segment_id,
                                            assigned_unit_id, due_at, resolved_at, rejection_reason, duplicate_of,
                                            violation_location_id, inspection_round_id)
                        VALUES (:id, :ward, :reference, :reporter, gen_random_uuid(), 'seed', :category, :subtype,
                                :address, 21.04, 105.88, :observed, 25200, :received, :status, :flags, :zone,
                                :segment, :unit, :due, :resolved, :reason, :duplicateOf, :location, :round)
                        """)
                .bind("id", report.id)
                .bind("ward", ward)
                .bind("reference", report.reference)
                .bind("reporter", report.reporter)
                .bind("category", report.category)
                .bind("observed", report.observed)
                .bind("received", report.received())
                .bind("status", report.status)
                .bind("flags", report.repeat ? new String[] {"REPEAT_OFFENCE"} : new String[0]);
        insert = nullable(insert, "subtype", report.subtype, String.class);
        insert = nullable(insert, "address", report.address, String.class);
        insert = nullable(insert, "zone", report.zone, UUID.class);
        insert = nullable(insert, "segment", report.segment, UUID.class);
        insert = nullable(insert, "unit", report.unit, UUID.class);
        insert = nullable(insert, "due", report.due, Instant.class);
        insert = nullable(insert, "resolved", report.resolved, Instant.class);
        insert = nullable(insert, "reason", report.reason, String.class);
        insert = nullable(insert, "duplicateOf", report.duplicateOf, UUID.class);
        insert = nullable(insert, "location", report.location, UUID.class);
        insert = nullable(insert, "round", report.round, UUID.class);
        insert.then().block();
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** The intake's events: submitted, then assigned to {@code unit} with {@code due} (local). */
    private static Event[] assigned(Report report, UUID unit, String due) {
        String at = report.received().atOffset(WARD).toLocalDateTime().toString();
        return new Event[] {
            new Event(at, "SUBMITTED", null, "UNASSIGNED", "{}"),
            new Event(at, "ASSIGNED", "UNASSIGNED", "ASSIGNED", dueAndUnit(unit, due))
        };
    }

    private static Event reassigned(String at, UUID unit, String due) {
        return new Event(at, "REASSIGN", "ASSIGNED", "ASSIGNED", dueAndUnit(unit, due));
    }

    private static String dueAndUnit(UUID unit, String due) {
        return "{\"dueAt\":\"" + local(due) + "\",\"unitId\":\"" + unit + "\"}";
    }

    private void events(Report report, Object... events) {
        List<Event> all = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof Event[] several) {
                all.addAll(List.of(several));
            } else {
                all.add((Event) event);
            }
        }
        int seq = 0;
        for (Event event : all) {
            seq++;
            var insert = database.sql("INSERT INTO report_event (report_id, seq, ward_id, at, type, from_status,"
                            + " to_status, data, prev_hash, hash) VALUES (:report, :seq, :ward, :at, :type, :from,"
                            + " :to, :data, :prev, :hash)")
                    .bind("report", report.id)
                    .bind("seq", seq)
                    .bind("ward", ward)
                    .bind("at", local(event.at()))
                    .bind("type", event.type())
                    .bind("to", event.to())
                    .bind("data", event.data())
                    .bind("hash", "seed-" + seq);
            insert = nullable(insert, "from", event.from(), String.class);
            insert = nullable(insert, "prev", seq == 1 ? null : "seed-" + (seq - 1), String.class);
            insert.then().block();
        }
        database.sql("UPDATE report SET event_count = :count WHERE id = :id")
                .bind("count", all.size())
                .bind("id", report.id)
                .then()
                .block();
    }

    private record Event(String at, String type, String from, String to, String data) {}

    /** A report to insert; received five minutes after it was observed. */
    private static final class Report {
        final UUID id = UUID.randomUUID();
        final Instant observed;
        final String category;
        final String subtype;
        final UUID reporter;
        String reference;
        UUID zone;
        UUID segment;
        UUID unit;
        UUID location;
        UUID round;
        UUID duplicateOf;
        String status;
        Instant due;
        Instant resolved;
        String reason;
        String address;
        boolean repeat;

        Report(String observedLocal, String category, String subtype, UUID reporter) {
            this.observed = local(observedLocal);
            this.category = category;
            this.subtype = subtype;
            this.reporter = reporter;
        }

        Instant received() {
            return observed.plusSeconds(300);
        }

        Report at(UUID zone, UUID segment, UUID unit, UUID location) {
            this.zone = zone;
            this.segment = segment;
            this.unit = unit;
            this.location = location;
            return this;
        }

        Report status(String status, String dueLocal, String resolvedLocal) {
            this.status = status;
            this.due = dueLocal == null ? null : local(dueLocal);
            this.resolved = resolvedLocal == null ? null : local(resolvedLocal);
            return this;
        }

        Report round(UUID round) {
            this.round = round;
            return this;
        }

        Report duplicateOf(UUID original) {
            this.duplicateOf = original;
            return this;
        }

        Report rejected(String reason) {
            this.reason = reason;
            return this;
        }

        Report address(String address) {
            this.address = address;
            return this;
        }

        Report repeat() {
            this.repeat = true;
            return this;
        }
    }
}
