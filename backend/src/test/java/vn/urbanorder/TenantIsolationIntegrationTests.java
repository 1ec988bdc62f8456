package vn.urbanorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * Tenant isolation over the whole contract. Two provinces (the demo province and one of the
 * test's own), several wards in each, every ward with users of every ward role, a unit, a map, an
 * inspection round, reports with photos, a review and a violation location, and each province with
 * its own officers. The test walks every operation of {@code mobile-api-spec/openapi.yaml}:
 *
 * <ul>
 *   <li>an operation naming an object in its path is called by every role of one ward and by the
 *       province's officers with the objects of a ward of the other province and of another ward
 *       of their own, and must answer 404, or 403 when the caller's role may not use it at all,
 *       which the same call on an object of the caller's own then shows;
 *   <li>an operation naming none (lists, feeds, maps, figures, exports) is called by each of them,
 *       with query parameters naming the other wards' objects where it takes any, and its raw body
 *       must hold no id, code, username or reference number of another ward or province; the
 *       ward's figures count only the ward's own reports;
 *   <li>a write naming other objects in its body is refused when they are another ward's.
 * </ul>
 *
 * An operation the tables below do not cover fails {@link #everyOperationOfTheContractHasARule()}:
 * a new endpoint cannot escape the walk.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationIntegrationTests {

    private static final int WARDS_PER_PROVINCE = 3;
    private static final List<String> WARD_ROLES = List.of("PATROL", "UNIT_STAFF", "INSPECTOR", "WARD_ADMIN");
    private static final List<String> PROVINCE_ROLES = List.of("PROVINCE_ADMIN", "PROVINCE_INSPECTOR");
    private static final ZoneId WARD_TIME = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A small photo, so that a form is sent whole before a refusal can close the connection. */
    private static final byte[] PHOTO = TestPhotos.jpeg(16, 16);

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final String PASSWORD_HASH = "{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi";
    private static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[105.8790,21.0400],[105.8915,21.0395],"
            + "[105.8925,21.0500],[105.8805,21.0510],[105.8790,21.0400]]]}";

    /** What a path parameter names, by the path template up to and including the parameter. */
    private static final Map<String, Kind> PATH_PARAMETERS = Map.of(
            "/api/v1/reports/{id}", Kind.REPORT,
            "/api/v1/reports/{id}/photos/{photoId}", Kind.PHOTO,
            "/api/v1/users/{id}", Kind.USER,
            "/api/v1/units/{id}", Kind.UNIT,
            "/api/v1/locations/{id}", Kind.LOCATION,
            "/api/v1/inspection-rounds/{id}", Kind.ROUND,
            "/api/v1/stats/monthly/{month}", Kind.MONTH,
            "/api/v1/wards/{id}", Kind.WARD);

    /**
     * The body of each write that names an object in its path: a plausible one, so that only the
     * object decides the answer.
     */
    private static final Map<String, Body> BODIES = Map.of(
            "actOnReport", Body.json("{\"action\": \"VERIFY\", \"note\": \"Đã kiểm tra tại chỗ\"}"),
            "actOnReportWithPhotos", Body.form("action", "{\"action\": \"RESOLVE\", \"note\": \"Đã dọn xong\"}"),
            "reviewReport", Body.json("{\"verdict\": \"FOLLOW_UP\", \"comment\": \"Cần theo dõi thêm\"}"),
            "reviewReportWithPhotos",
                    Body.form("review", "{\"verdict\": \"FOLLOW_UP\", \"comment\": \"Cần theo dõi thêm\"}"),
            "updateUser", Body.json("{\"displayName\": \"Tên đã đổi\"}"),
            "updateUnit", Body.json("{\"name\": \"Tên đã đổi\"}"),
            "updateWard", Body.json("{\"name\": \"Phường đã đổi tên\"}"),
            "changeWardArea", Body.json("{\"serviceArea\": " + AREA + ", \"effectiveFrom\": \"{TODAY}\"}"),
            "createWardAdmin",
                    Body.json("{\"username\": \"x{NEW_NAME}\", \"displayName\": \"Quản trị mới\","
                            + " \"password\": \"a-long-password-1\"}"));

    /**
     * The query strings each operation without an object in its path is called with; {NAME} stands
     * for a value of the other ward ({@link Seeded#values}) or a date. Operations not listed are
     * called without one.
     */
    private static final Map<String, List<String>> QUERIES = Map.ofEntries(
            Map.entry(
                    "listReports",
                    List.of(
                            "",
                            "?inspectionRoundId={ROUND}",
                            "?unitId={UNIT}",
                            "?reporterId={USER}",
                            "?zoneId={ZONE}",
                            "?q={REFERENCE}")),
            Map.entry("listNearbyReports", List.of("?lat={LAT}&lon={LON}&radiusM=100")),
            Map.entry("reportsGeoJson", List.of("", "?unitId={UNIT}", "?zoneId={ZONE}")),
            Map.entry("listLocations", List.of("", "?zoneId={ZONE}")),
            Map.entry("locationsGeoJson", List.of("", "?zoneId={ZONE}")),
            Map.entry("reviewQueue", List.of("", "?unitId={UNIT}", "?zoneId={ZONE}")),
            Map.entry("listUsers", List.of("?size=100")),
            Map.entry("monthlyStats", List.of("?month={MONTH}")),
            Map.entry("periodStats", List.of("?from={YESTERDAY}&to={TODAY}")),
            Map.entry("exportMonthlyStats", List.of("?format=json")),
            Map.entry("exportPeriodStats", List.of("?from={YESTERDAY}&to={TODAY}&format=json")),
            Map.entry("provinceStats", List.of("?month={MONTH}", "?from={YESTERDAY}&to={TODAY}")),
            // A zip of CSV files: read entry by entry (see Answer).
            Map.entry("exportProvinceStats", List.of("?month={MONTH}&format=csv")));

    /** Operations whose answer holds the ward's figures: they must count the caller's own reports only. */
    private static final Set<String> FIGURES =
            Set.of("monthlyStats", "periodStats", "exportMonthlyStats", "exportPeriodStats", "provinceStats");

    /**
     * Writes that can name another ward's object in their body (or their query): each is sent with
     * one, and must be refused. {NAME} as in {@link #QUERIES}; {OWN_REPORT} is a report of the
     * caller's own ward, {NEW} a fresh UUID.
     */
    private static final Map<String, Write> WRITES = Map.ofEntries(
            Map.entry("submitReport", Write.json("/api/v1/reports", submission())),
            Map.entry(
                    "submitReportWithPhotos",
                    new Write("/api/v1/reports/with-photos", Body.form("report", submission()))),
            Map.entry(
                    "createUser",
                    Write.json(
                            "/api/v1/users",
                            "{\"username\": \"x{NEW_NAME}\", \"displayName\": \"Người mới\", \"roles\": [\"UNIT_STAFF\"],"
                                    + " \"unitId\": \"{UNIT}\", \"password\": \"a-long-password-1\"}")),
            Map.entry(
                    "createInspectionRound",
                    Write.json(
                            "/api/v1/inspection-rounds",
                            "{\"title\": \"Kiểm tra chéo\", \"startedOn\": \"{TODAY}\", \"endedOn\": \"{TODAY}\","
                                    + " \"memberIds\": [\"{USER}\"]}")),
            Map.entry(
                    "replaceAssignmentRules",
                    Write.json(
                            "/api/v1/assignment-rules",
                            "{\"rules\": [{\"category\": \"SANITATION\", \"unitCode\": \"{UNIT_CODE}\"}]}")),
            Map.entry("importZones", new Write("/api/v1/zones", new Body(GEO_JSON, segmentOf("{UNIT_CODE}"), null))),
            Map.entry(
                    "previewZones",
                    new Write(
                            "/api/v1/zones/preview",
                            new Body(GEO_JSON, segmentOf("{UNIT_CODE}"), null),
                            "a preview stores nothing, and names the unit code it was sent whether or not any ward has it",
                            false)),
            Map.entry(
                    "actOnReport",
                    Write.json(
                            "/api/v1/reports/{OWN_REPORT}/actions",
                            "{\"action\": \"REASSIGN\", \"unitId\": \"{UNIT}\", \"note\": \"Chuyển đơn vị\"}")),
            // A ward code of another province: codes are unique across the platform, so it is taken.
            Map.entry(
                    "createWard",
                    new Write(
                            "/api/v1/wards",
                            Body.json("{\"code\": \"{WARD_CODE}\", \"name\": \"Phường trùng mã\", \"serviceArea\": "
                                    + AREA + "}"),
                            null,
                            true)),
            Map.entry(
                    "importWards", new Write("/api/v1/wards/import", new Body(GEO_JSON, wardFile(), null), null, true)),
            Map.entry(
                    "previewWardImport",
                    new Write(
                            "/api/v1/wards/import/preview",
                            new Body(GEO_JSON, wardFile(), null),
                            "a preview stores nothing; it may say the code is taken, never by which ward",
                            true)));

    /** More bodies for the writes above: a second foreign reference of another kind. */
    private static final Map<String, Write> MORE_WRITES = Map.of(
            "actOnReport",
            Write.json(
                    "/api/v1/reports/{OWN_REPORT}/actions",
                    "{\"action\": \"REJECT\", \"reason\": \"DUPLICATE\", \"duplicateOf\": \"{REPORT}\","
                            + " \"note\": \"Trùng phản ánh\"}"));

    /** Writes that name no object of a ward other than the caller's: why they are not sent. */
    private static final Map<String, String> WRITES_NAMING_NOTHING = Map.of(
            "signIn", "a username and password; no token, no ward",
            "refreshTokens", "a refresh token, the caller's own",
            "signOut", "a refresh token, the caller's own",
            "changeOwnPassword", "the caller's own password",
            "createUnit", "a code and a name, in the caller's ward",
            "replaceDeadlinePolicy", "hours and holidays, in the caller's ward",
            "replaceLocationPolicy", "categories, shared by every ward",
            "rebuildLocations", "no body; rebuilds the caller's ward (and would renumber the seeded locations)");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    private final List<Endpoint> endpoints = contractOperations();
    private final List<Tenant> provinces = new ArrayList<>();
    private final List<Caller> callers = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int calls;
    private long startedAt;
    private long seededAt;
    private int seedingCalls;

    // ---------------------------------------------------------------------------------------------
    // The rules

    @Test
    @Order(1)
    void everyOperationOfTheContractHasARule() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String parameter : endpoint.pathParameters()) {
                if (kindOf(endpoint.path(), parameter) == null) {
                    missing.add(endpoint + ": path parameter {" + parameter + "} has no entry in PATH_PARAMETERS");
                }
            }
            boolean namesAnObject = endpoint.namesAnObject();
            if (namesAnObject && endpoint.writes() && !BODIES.containsKey(endpoint.operationId())) {
                missing.add(endpoint + ": a write naming an object needs a plausible body in BODIES");
            }
            if (!namesAnObject
                    && endpoint.writes()
                    && !WRITES.containsKey(endpoint.operationId())
                    && !WRITES_NAMING_NOTHING.containsKey(endpoint.operationId())) {
                missing.add(endpoint + ": a write naming no object in its path needs an entry in WRITES"
                        + " (a body naming another ward's object) or WRITES_NAMING_NOTHING (why it names none)");
            }
            if (!namesAnObject
                    && !endpoint.writes()
                    && endpoint.requiredQuery()
                    && !QUERIES.containsKey(endpoint.operationId())) {
                missing.add(endpoint + ": required query parameters need query strings in QUERIES");
            }
        }
        assertThat(missing)
                .as("operations of the contract this test has no rule for")
                .isEmpty();
        assertThat(endpoints).hasSizeGreaterThan(40);
    }

    // ---------------------------------------------------------------------------------------------
    // The walk

    @Test
    @Order(2)
    void nobodyReachesAnObjectOfAnotherWardOrProvince() {
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.namesAnObject()) {
                continue;
            }
            if (!endpoint.writes()
                    && callers.stream().noneMatch(caller -> {
                        Answer own = send(endpoint, caller, endpoint.uriWith(valuesOf(caller.own())));
                        return own.status() == 200;
                    })) {
                failures.add(endpoint + ": no caller reads their own object, so the 404s below would prove nothing");
            }
            for (Caller caller : callers) {
                for (Seeded other : targetsOf(caller)) {
                    for (Map<String, String> values : variants(endpoint, caller, other)) {
                        String uri = endpoint.uriWith(values);
                        Answer answer = send(endpoint, caller, uri);
                        if (answer.status() == 404) {
                            continue;
                        }
                        if (answer.status() == 403) {
                            // A refusal by role leaks nothing, provided the caller's own object gets it too.
                            Answer own = send(endpoint, caller, endpoint.uriWith(valuesOf(caller.own())));
                            if (own.status() != 403) {
                                fail(
                                        caller,
                                        endpoint,
                                        uri,
                                        answer,
                                        "403 for another ward's object but " + own.status()
                                                + " for the caller's own: the refusal depends on the object");
                            }
                            continue;
                        }
                        fail(caller, endpoint, uri, answer, "expected 404 (or 403 by role)");
                    }
                }
            }
        }
        assertNoFailures();
    }

    @Test
    @Order(3)
    void listsFeedsAndFiguresShowOnlyTheCallersOwn() {
        Set<Caller> sawTheirOwn = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.writes() || endpoint.namesAnObject()) {
                continue;
            }
            for (Caller caller : callers) {
                Set<String> forbidden = forbiddenFor(caller);
                for (String query : QUERIES.getOrDefault(endpoint.operationId(), List.of(""))) {
                    for (Seeded other : query.contains("{") ? targetsOf(caller) : List.of(caller.own())) {
                        String uri = fill(endpoint.uriWith(valuesOf(caller.own())) + query, other);
                        Answer answer = send(endpoint, caller, uri);
                        if (answer.status() >= 500) {
                            fail(caller, endpoint, uri, answer, "a server error");
                            continue;
                        }
                        leaks(caller, endpoint, uri, answer, forbidden, uri);
                        if (answer.body()
                                .contains(
                                        caller.ofProvince()
                                                ? caller.own().id().toString()
                                                : caller.own().report())) {
                            sawTheirOwn.add(caller);
                        }
                        if (answer.status() == 200 && FIGURES.contains(endpoint.operationId())) {
                            ownFigures(caller, endpoint, uri, answer);
                        }
                    }
                }
            }
        }
        // The scan would see a report if one were there: the ward's own reports are in its lists,
        // the province's wards in its officers'.
        callers.stream()
                .filter(caller -> !Set.of("PATROL", "UNIT_STAFF").contains(caller.role()))
                .filter(caller -> !sawTheirOwn.contains(caller))
                .forEach(caller -> failures.add(caller + " saw their own ward's report (or ward) in no list"));
        assertNoFailures();
    }

    @Test
    @Order(4)
    void writesNamingAnotherWardsObjectAreRefused() {
        for (Endpoint endpoint : endpoints) {
            for (Map<String, Write> table : List.of(WRITES, MORE_WRITES)) {
                Write write = table.get(endpoint.operationId());
                if (write == null) {
                    continue;
                }
                for (Caller caller : callers) {
                    Set<String> forbidden = forbiddenFor(caller);
                    for (Seeded other : targetsOf(caller)) {
                        if (write.ofProvince()
                                && caller.ofProvince()
                                && other.provinceId().equals(caller.province().id())) {
                            continue;
                        }
                        String uri = fill(write.uri(), other)
                                .replace("{OWN_REPORT}", caller.own().report());
                        String body = fill(write.body().text(), other);
                        Answer answer = call(
                                endpoint.method(),
                                uri,
                                caller.bearer(),
                                new Body(write.body().type(), body, write.body().part()),
                                uri.contains("/actions") ? "\"" + versionOf(caller.own()) + "\"" : null);
                        boolean refused = answer.status() >= 400 && answer.status() < 500;
                        if (!refused && (write.mayAnswer() == null || answer.status() >= 300)) {
                            fail(
                                    caller,
                                    endpoint,
                                    uri,
                                    answer,
                                    "a write naming another ward's object was not refused" + " (body " + body + ")");
                        }
                        leaks(caller, endpoint, uri, answer, forbidden, uri + body);
                    }
                }
            }
        }
        assertNoFailures();
    }

    @AfterAll
    void howLong() {
        System.out.printf(
                Locale.ROOT,
                "Tenant isolation: %d operations of the contract, %d wards in %d provinces, %d callers,"
                        + " seeded in %d ms, then %d calls in %d ms%n",
                endpoints.size(),
                provinces.stream().mapToInt(p -> p.wards().size()).sum(),
                provinces.size(),
                callers.size(),
                (seededAt - startedAt) / 1_000_000,
                calls - seedingCalls,
                (System.nanoTime() - seededAt) / 1_000_000);
    }

    // ---------------------------------------------------------------------------------------------
    // Whom each caller is tried against

    /**
     * A ward's users are tried against a ward of the other province and another ward of their
     * own; a province officer against a ward of the other province and, for a ward's records
     * (which they never reach), a ward of their own province.
     */
    private List<Seeded> targetsOf(Caller caller) {
        Tenant mine = caller.province();
        Tenant theirs = provinces.get(1 - provinces.indexOf(mine));
        int index = provinces.indexOf(mine) + 1;
        return List.of(theirs.wards().get(index), mine.wards().get(index));
    }

    /** The values the path of an operation is filled with: all of the other ward, then each one alone. */
    private List<Map<String, String>> variants(Endpoint endpoint, Caller caller, Seeded other) {
        boolean ownProvince = other.provinceId().equals(caller.province().id());
        List<String> objectParameters = endpoint.pathParameters().stream()
                .filter(parameter -> kindOf(endpoint.path(), parameter).isObject())
                .toList();
        if (caller.ofProvince()
                && ownProvince
                && objectParameters.stream()
                        .map(parameter -> kindOf(endpoint.path(), parameter))
                        .anyMatch(Kind::ofProvince)) {
            return List.of(); // the province's officers may reach their own province's wards
        }
        List<Map<String, String>> variants = new ArrayList<>();
        variants.add(endpoint.valuesFor(other, caller.own()));
        if (objectParameters.size() > 1) {
            for (String foreign : objectParameters) {
                Map<String, String> mixed = new HashMap<>(endpoint.valuesFor(caller.own(), caller.own()));
                mixed.put(foreign, endpoint.valuesFor(other, caller.own()).get(foreign));
                variants.add(mixed);
            }
        }
        return variants;
    }

    /** Everything of a ward or province the caller must never see. */
    private Set<String> forbiddenFor(Caller caller) {
        Set<String> forbidden = new LinkedHashSet<>();
        for (Tenant province : provinces) {
            boolean own = province == caller.province();
            if (!own) {
                forbidden.addAll(province.traces());
            }
            for (Seeded ward : province.wards()) {
                if (!own || (!caller.ofProvince() && ward != caller.own())) {
                    forbidden.addAll(ward.traces());
                }
            }
        }
        return forbidden;
    }

    // ---------------------------------------------------------------------------------------------
    // Checks

    private void leaks(
            Caller caller, Endpoint endpoint, String uri, Answer answer, Set<String> forbidden, String sent) {
        List<String> found = forbidden.stream()
                .filter(trace -> answer.body().contains(trace) && !sent.contains(trace))
                .toList();
        if (!found.isEmpty()) {
            fail(caller, endpoint, uri, answer, "shows another ward's or province's " + found);
        }
    }

    private void ownFigures(Caller caller, Endpoint endpoint, String uri, Answer answer) {
        if (caller.ofProvince()) {
            provinceFigures(caller, endpoint, uri, answer);
            return;
        }
        JsonNode counts = JSON.readTree(answer.body()).at("/totals/counts/received");
        if (counts.isMissingNode() || counts.asInt() != caller.own().reports()) {
            fail(
                    caller,
                    endpoint,
                    uri,
                    answer,
                    "received " + counts + " but the ward received "
                            + caller.own().reports());
        }
    }

    /** Each seeded ward's row counts its own reports; a province of the test's own totals exactly them. */
    private void provinceFigures(Caller caller, Endpoint endpoint, String uri, Answer answer) {
        JsonNode figures = JSON.readTree(answer.body());
        Map<String, Integer> rows = new HashMap<>();
        figures.get("wards")
                .forEach(row -> rows.put(
                        row.get("wardId").asString(), row.at("/counts/received").asInt()));
        int seeded = 0;
        for (Seeded ward : caller.province().wards()) {
            seeded += ward.reports();
            Integer received = rows.get(ward.id().toString());
            if (received == null || received != ward.reports()) {
                fail(
                        caller,
                        endpoint,
                        uri,
                        answer,
                        "ward " + ward.code() + " received " + received + ", not " + ward.reports());
            }
        }
        int total = figures.at("/total/counts/received").asInt();
        if (!caller.province().id().equals(Fixtures.DEMO_PROVINCE) && total != seeded) {
            fail(caller, endpoint, uri, answer, "the province total is " + total + ", not " + seeded);
        }
    }

    private void fail(Caller caller, Endpoint endpoint, String uri, Answer answer, String why) {
        String body = answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body();
        failures.add(
                caller + " " + endpoint.method() + " " + uri + " → " + answer.status() + ": " + why + "\n    " + body);
    }

    private void assertNoFailures() {
        List<String> found = List.copyOf(failures);
        failures.clear();
        assertThat(found).as("isolation failures").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Calls

    private Answer send(Endpoint endpoint, Caller caller, String uri) {
        Body body = endpoint.writes() ? BODIES.get(endpoint.operationId()) : null;
        return call(
                endpoint.method(),
                uri,
                caller.bearer(),
                body == null ? null : new Body(body.type(), fill(body.text(), caller.own()), body.part()),
                endpoint.ifMatch() ? "\"1\"" : null);
    }

    /**
     * One call. A refusal before the body is read (a role check, a 404) may close the connection
     * while a form is still being sent: the call is then made again, as a phone would.
     */
    private Answer call(HttpMethod method, String uri, String bearer, @Nullable Body body, @Nullable String ifMatch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return callOnce(method, uri, bearer, body, ifMatch);
            } catch (WebClientRequestException closed) {
                if (attempt == 3) {
                    return new Answer(598, "no answer: " + closed.getMessage());
                }
            }
        }
    }

    private Answer callOnce(
            HttpMethod method, String uri, String bearer, @Nullable Body body, @Nullable String ifMatch) {
        calls++;
        var request = http.method(method).uri(uri).header("Authorization", bearer);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        WebTestClient.RequestHeadersSpec<?> ready = request;
        if (body != null && body.part() == null) {
            ready = request.contentType(body.type()).bodyValue(body.text());
        } else if (body != null) {
            String boundary = "isolation-" + UUID.randomUUID();
            ready = request.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                    .bodyValue(form(boundary, body));
        }
        try {
            EntityExchangeResult<byte[]> result =
                    ready.exchange().expectBody(byte[].class).returnResult();
            byte[] bytes = result.getResponseBody();
            return new Answer(result.getStatus().value(), bytes == null ? "" : text(bytes));
        } catch (AssertionError contractBreach) {
            return new Answer(599, "the answer leaves the contract: " + contractBreach.getMessage());
        }
    }

    /** The body as text; a zip (a CSV export, a workbook) as the text of all its entries. */
    private static String text(byte[] body) {
        if (body.length < 4 || body[0] != 'P' || body[1] != 'K') {
            return new String(body, StandardCharsets.UTF_8);
        }
        var text = new StringBuilder();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The form with the JSON part and one photo, written out whole: sent in one piece, it is on the
     * wire before a refusal (which reads no body) can close the connection.
     */
    private static byte[] form(String boundary, Body body) {
        var form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + body.part()
                        + "\"\r\nContent-Type: application/json\r\n\r\n" + body.text() + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"anh.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.writeBytes(PHOTO);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return form.toByteArray();
    }

    private int versionOf(Seeded ward) {
        return http.get()
                .uri("/api/v1/reports/" + ward.report())
                .header("Authorization", ward.bearers().get("WARD_ADMIN"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody()
                .getVersion();
    }

    private static String fill(String template, Seeded other) {
        String filled = template;
        for (var value : valuesOf(other).entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled.replace("{NEW}", UUID.randomUUID().toString())
                .replace("{NEW_NAME}", UUID.randomUUID().toString().substring(0, 8));
    }

    private static Map<String, String> valuesOf(Seeded ward) {
        LocalDate today = LocalDate.now(WARD_TIME);
        Map<String, String> values = new HashMap<>(ward.values());
        values.put("TODAY", today.toString());
        values.put("YESTERDAY", today.minusDays(1).toString());
        values.put("MONTH", YearMonth.now(WARD_TIME).toString());
        values.put(
                "NOW",
                Instant.now()
                        .minus(2, ChronoUnit.MINUTES)
                        .atOffset(ZoneOffset.ofHours(7))
                        .toString());
        return values;
    }

    // ---------------------------------------------------------------------------------------------
    // The contract

    private static List<Endpoint> contractOperations() {
        var options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser()
                .readContents(readContract(), null, options)
                .getOpenAPI();
        List<Endpoint> found = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (operation.getParameters() != null) {
                parameters.addAll(operation.getParameters());
            }
            List<Parameter> resolved = parameters.stream()
                    .map(parameter -> parameter.get$ref() == null
                            ? parameter
                            : api.getComponents()
                                    .getParameters()
                                    .get(parameter
                                            .get$ref()
                                            .substring(parameter.get$ref().lastIndexOf('/') + 1)))
                    .toList();
            found.add(new Endpoint(HttpMethod.valueOf(method.name()), path, operation, resolved));
        }));
        return found;
    }

    private static String readContract() {
        try (InputStream in = TenantIsolationIntegrationTests.class.getResourceAsStream("/openapi/openapi.yaml")) {
            assertThat(in).as("the contract on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Kind kindOf(String path, String parameter) {
        int end = path.indexOf("{" + parameter + "}");
        return end < 0 ? null : PATH_PARAMETERS.get(path.substring(0, end + parameter.length() + 2));
    }

    // ---------------------------------------------------------------------------------------------
    // Seeding: two provinces, several wards each

    @BeforeAll
    void twoProvincesOfSeveralWards() {
        startedAt = System.nanoTime();
        provinces.add(province(Fixtures.DEMO_PROVINCE, "01"));
        String code = "Q" + randomCode();
        UUID other = database.sql("INSERT INTO province (code, name) VALUES (:code, :name) RETURNING id")
                .bind("code", code)
                .bind("name", "Tỉnh thử " + code)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
        provinces.add(province(other, code));
        for (Tenant province : provinces) {
            Seeded first = province.wards().get(0);
            for (String role : WARD_ROLES) {
                callers.add(new Caller(role, first.bearers().get(role), province, first));
            }
            province.officers().forEach((role, bearer) -> callers.add(new Caller(role, bearer, province, first)));
        }
        seededAt = System.nanoTime();
        seedingCalls = calls;
    }

    private Tenant province(UUID id, String code) {
        List<Seeded> wards = new ArrayList<>();
        for (int i = 0; i < WARDS_PER_PROVINCE; i++) {
            // The callers' wards are told apart by their figures too: 2 and 3 reports, every other ward 1.
            wards.add(ward(id, i > 0 ? 1 : id.equals(Fixtures.DEMO_PROVINCE) ? 2 : 3));
        }
        Set<String> traces = new LinkedHashSet<>();
        Map<String, String> officers = new LinkedHashMap<>();
        if (!id.equals(Fixtures.DEMO_PROVINCE)) {
            traces.add(id.toString());
            traces.add("\"" + code + "\""); // a code of one letter and digits: only as a whole JSON string
        }
        for (String role : PROVINCE_ROLES) {
            String username = Fixtures.uniqueUsername();
            database.sql("""
                            INSERT INTO app_user (province_id, ward_id, username, display_name, roles, password_hash)
                            VALUES (:province, NULL, :username, :name, :roles, :hash)
                            """)
                    .bind("province", id)
                    .bind("username", username)
                    .bind("name", "Cán bộ tỉnh " + username)
                    .bind("roles", new String[] {role})
                    .bind("hash", PASSWORD_HASH)
                    .then()
                    .block();
            TokenResponseDto signedIn = fixtures.signIn(username);
            officers.put(role, "Bearer " + signedIn.getAccessToken());
            traces.add(username);
            traces.add(signedIn.getUser().getId().toString());
        }
        return new Tenant(id, code, wards, officers, traces);
    }

    /** A ward with a user of each role, a unit, a map, a round, reports with photos, a review. */
    private Seeded ward(UUID provinceId, int reports) {
        String code = "ISO" + randomCode();
        UUID id = database.sql("""
                        WITH w AS (INSERT INTO ward (province_id, code, name) VALUES (:province, :code, :name) RETURNING id)
                        INSERT INTO ward_area (ward_id, valid_from, area)
                        SELECT id, '2025-07-01T00:00:00+07:00', CAST(:area AS jsonb) FROM w
                        RETURNING ward_id AS id
                        """)
                .bind("province", provinceId)
                .bind("code", code)
                .bind("name", "Phường thử " + code)
                .bind("area", AREA)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
        Set<String> traces = new LinkedHashSet<>(List.of(id.toString(), code));
        Map<String, String> values = new HashMap<>();
        values.put("WARD", id.toString());
        values.put("WARD_CODE", code);
        UUID unit = fixtures.unit(id);
        String unitCode = database.sql("SELECT code FROM unit WHERE id = :id")
                .bind("id", unit)
                .map(row -> row.get("code", String.class))
                .one()
                .block();
        values.put("UNIT", unit.toString());
        values.put("UNIT_CODE", unitCode);
        traces.addAll(List.of(unit.toString(), unitCode));

        Map<String, String> bearers = new LinkedHashMap<>();
        Map<String, UUID> userIds = new HashMap<>();
        for (String role : WARD_ROLES) {
            String username = role.equals("UNIT_STAFF") ? fixtures.user(id, unit, role) : fixtures.user(id, role);
            TokenResponseDto signedIn = fixtures.signIn(username);
            bearers.put(role, "Bearer " + signedIn.getAccessToken());
            userIds.put(role, signedIn.getUser().getId());
            traces.addAll(List.of(username, signedIn.getUser().getId().toString()));
        }
        values.put("USER", userIds.get("PATROL").toString());

        // A map of two zones, its codes the ward's own.
        String admin = bearers.get("WARD_ADMIN");
        http.put()
                .uri("/api/v1/zones")
                .header("Authorization", admin)
                .contentType(GEO_JSON)
                .bodyValue(map(code))
                .exchange()
                .expectStatus()
                .isOk();
        JsonNode zones = JSON.readTree(http.get()
                .uri("/api/v1/zones")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        for (JsonNode zone : zones.get("features")) {
            traces.add(zone.get("id").asString());
            values.putIfAbsent("ZONE", zone.get("id").asString());
        }
        traces.addAll(List.of(code + "W", code + "E"));

        // An inspection round with the patrol on it.
        LocalDate today = LocalDate.now(WARD_TIME);
        String round = JSON.readTree(http.post()
                        .uri("/api/v1/inspection-rounds")
                        .header("Authorization", bearers.get("INSPECTOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"title\": \"Kiểm tra vỉa hè\", \"startedOn\": \"%s\", \"endedOn\": \"%s\","
                                        .formatted(today.minusDays(1), today.plusDays(1))
                                + " \"memberIds\": [\"" + userIds.get("PATROL") + "\"]}")
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .at("/round/id")
                .asString();
        values.put("ROUND", round);
        traces.add(round);

        // Reports at the same points in every ward: a nearby check or a map mixing wards would show.
        Instant observed = Instant.now().minus(1, ChronoUnit.MINUTES);
        ReportDto first = null;
        for (int i = 0; i < reports; i++) {
            Submission submission = Submission.sound()
                    .at(21.0460 + i * 0.0004, 105.8820)
                    .observedAt(observed)
                    .onRound(UUID.fromString(round));
            ReportDto report = i == 0
                    ? submission.submittedWithPhotos(http, bearers.get("PATROL"), TestPhotos.uniqueJpeg())
                    : submission.submitted(http, bearers.get("PATROL"));
            traces.addAll(List.of(report.getId().toString(), report.getReference()));
            if (first == null) {
                first = report;
            }
        }
        values.put("REPORT", first.getId().toString());
        values.put("REFERENCE", first.getReference());
        values.put("PHOTO", first.getPhotos().get(0).getId().toString());
        values.put("LAT", "21.0460");
        values.put("LON", "105.8820");
        traces.add(values.get("PHOTO"));

        String review = JSON.readTree(http.post()
                        .uri("/api/v1/reports/" + first.getId() + "/reviews")
                        .header("Authorization", bearers.get("INSPECTOR"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"verdict\": \"FOLLOW_UP\", \"comment\": \"Cần theo dõi thêm\"}")
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .get("id")
                .asString();
        traces.add(review);

        ReportDto read = http.get()
                .uri("/api/v1/reports/" + first.getId())
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(read.getViolationLocation())
                .as("the report's violation location")
                .isNotNull();
        values.put("LOCATION", read.getViolationLocation().getId().toString());
        traces.add(values.get("LOCATION"));
        return new Seeded(provinceId, id, code, bearers, values, traces, reports);
    }

    private static String map(String code) {
        return """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"code": "%sW", "name": "Tổ dân phố 1", "kind": "ZONE"},
                  "geometry": {"type": "Polygon", "coordinates": [[[105.8790, 21.0400], [105.8850, 21.0398],
                   [105.8860, 21.0505], [105.8805, 21.0510], [105.8790, 21.0400]]]}},
                 {"type": "Feature", "properties": {"code": "%sE", "name": "Tổ dân phố 2", "kind": "ZONE"},
                  "geometry": {"type": "Polygon", "coordinates": [[[105.8850, 21.0398], [105.8900, 21.0397],
                   [105.8900, 21.0501], [105.8860, 21.0505], [105.8850, 21.0398]]]}}]}""".formatted(code, code);
    }

    private static String segmentOf(String unitCode) {
        return """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"code": "S1", "name": "Tuyến phố thử", "kind": "SEGMENT",
                   "unitCode": "%s", "bufferM": 15},
                  "geometry": {"type": "LineString", "coordinates": [[105.8810, 21.0450], [105.8840, 21.0450]]}}]}""".formatted(unitCode);
    }

    /** A file of one ward boundary, with the code of the other ward. */
    private static String wardFile() {
        return "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                + " \"properties\": {\"code\": \"{WARD_CODE}\", \"name\": \"Phường trùng mã\"}, \"geometry\": "
                + AREA + "}]}";
    }

    private static String submission() {
        return "{\"clientReportId\": \"{NEW}\", \"category\": \"SANITATION\", \"subtype\": \"LITTERING\","
                + " \"description\": \"Rác thải bỏ bừa bãi\", \"location\": {\"lat\": 21.0490, \"lon\": 105.8830,"
                + " \"accuracyM\": 8}, \"observedAt\": \"{NOW}\", \"inspectionRoundId\": \"{ROUND}\"}";
    }

    private static String randomCode() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1 << 25, 1 << 30), 36)
                .toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------
    // Types

    /** What a path parameter names: an object of a ward (its id in {@link Seeded#values} under the kind's name), or a value. */
    enum Kind {
        REPORT(true),
        PHOTO(true),
        UNIT(true),
        USER(true),
        LOCATION(true),
        ROUND(true),
        WARD(true),
        /** A month: a value, not an object; an operation naming only values is called as a list. */
        MONTH(false);

        private final boolean object;

        Kind(boolean object) {
            this.object = object;
        }

        boolean isObject() {
            return object;
        }

        /** Objects the province's officers reach in their own province. */
        boolean ofProvince() {
            return this == WARD;
        }
    }

    /** One province: its wards, its officers (role → bearer) and what only it shows. */
    record Tenant(UUID id, String code, List<Seeded> wards, Map<String, String> officers, Set<String> traces) {}

    /**
     * One ward as seeded: bearers by role, the values its objects fill paths and queries with
     * (see {@link Kind}), every id, code, username and reference it holds, and how many reports it received.
     */
    record Seeded(
            UUID provinceId,
            UUID id,
            String code,
            Map<String, String> bearers,
            Map<String, String> values,
            Set<String> traces,
            int reports) {

        String report() {
            return values.get("REPORT");
        }
    }

    /** A user the walk calls as: a role of the first ward of a province, or an officer of it. */
    record Caller(String role, String bearer, Tenant province, Seeded own) {

        boolean ofProvince() {
            return PROVINCE_ROLES.contains(role);
        }

        @Override
        public String toString() {
            return role + (ofProvince() ? " of province " + province.code() : " of ward " + own.code());
        }
    }

    record Answer(int status, String body) {}

    record Body(MediaType type, String text, @Nullable String part) {

        static Body json(String text) {
            return new Body(MediaType.APPLICATION_JSON, text, null);
        }

        /** A multipart form with this JSON part and one photo. */
        static Body form(String part, String text) {
            return new Body(MediaType.MULTIPART_FORM_DATA, text, part);
        }
    }

    /**
     * A write and its body; {@code mayAnswer} says why it may answer 2xx (showing nothing of the
     * other ward); {@code ofProvince}: the province's officers may name their own province's wards.
     */
    record Write(String uri, Body body, @Nullable String mayAnswer, boolean ofProvince) {

        Write(String uri, Body body) {
            this(uri, body, null, false);
        }

        static Write json(String uri, String body) {
            return new Write(uri, Body.json(body));
        }
    }

    /** One operation of the contract. */
    record Endpoint(HttpMethod method, String path, Operation operation, List<Parameter> parameters) {

        private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

        String operationId() {
            return operation.getOperationId();
        }

        boolean writes() {
            return !method.equals(HttpMethod.GET);
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PATH_PARAMETER.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** Whether its path names an object (rather than only values, or nothing). */
        boolean namesAnObject() {
            return pathParameters().stream()
                    .map(name -> kindOf(path, name))
                    .anyMatch(kind -> kind != null && kind.isObject());
        }

        boolean requiredQuery() {
            return parameters.stream().anyMatch(p -> "query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired()));
        }

        boolean ifMatch() {
            return parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equals(p.getName()));
        }

        /** Each path parameter's value: an object's id from {@code objects}, a value from {@code values}. */
        Map<String, String> valuesFor(Seeded objects, Seeded values) {
            Map<String, String> filled = new HashMap<>();
            for (String name : pathParameters()) {
                Kind kind = kindOf(path, name);
                Seeded from = kind != null && kind.isObject() ? objects : values;
                filled.put(name, valuesOf(from).get(kind == null ? name : kind.name()));
            }
            return filled;
        }

        /** The path with its parameters filled from these values, by parameter name or by kind. */
        String uriWith(Map<String, String> values) {
            String uri = path;
            for (String name : pathParameters()) {
                Kind kind = kindOf(path, name);
                String value =
                        values.containsKey(name) ? values.get(name) : values.get(kind == null ? name : kind.name());
                uri = uri.replace("{" + name + "}", String.valueOf(value));
            }
            return uri;
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + operationId() + ")";
        }
    }
}
