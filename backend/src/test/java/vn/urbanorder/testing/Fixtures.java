package vn.urbanorder.testing;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.TokenResponseDto;

/**
 * Data a test makes for itself, with fresh codes and names, so tests never depend on each other:
 * wards, users (password {@link #PASSWORD}) and their tokens.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Fixtures {

    public static final String SIGNING_KEY = "dGVzdC1vbmx5LXNpZ25pbmcta2V5LW9mLTMyLWJ5dGVzISE=";
    public static final String PASSWORD = "demo-password-1";
    /** Where integration tests keep photo files: inside the build's output, gone with a clean. */
    public static final String PHOTO_FOLDER = "target/test-photos";

    public static final String EXPORT_FOLDER = "target/test-exports";

    /** Where integration tests' multipart uploads are spooled, so a test can see that none is left behind. */
    public static final String MULTIPART_FOLDER = "target/test-multipart";

    public static final UUID DEMO_PROVINCE = UUID.fromString("a1000000-0000-4000-8000-000000000000");

    public static final UUID DEMO_WARD = UUID.fromString("a1000000-0000-4000-8000-000000000001");

    /** bcrypt of {@link #PASSWORD}, as the demo data stores it: inserting it costs no hashing. */
    private static final String PASSWORD_HASH = "{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi";

    private static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[105.8790,21.0400],[105.8915,21.0395],"
            + "[105.8925,21.0500],[105.8805,21.0510],[105.8790,21.0400]]]}";

    private final DatabaseClient database;
    private final WebTestClient http;

    Fixtures(DatabaseClient database, @Lazy WebTestClient http) {
        this.database = database;
        this.http = http;
    }

    /** A new ward of its own code, covering about the same streets as the demo ward. */
    public UUID ward() {
        String code = "T"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36)
                        .toUpperCase(Locale.ROOT);
        return database.sql("""
                        WITH w AS (INSERT INTO ward (province_id, code, name) VALUES (:province, :code, :name) RETURNING id)
                        INSERT INTO ward_area (ward_id, valid_from, area)
                        SELECT id, '2025-07-01T00:00:00+07:00', CAST(:area AS jsonb) FROM w
                        RETURNING ward_id AS id
                        """)
                .bind("province", DEMO_PROVINCE)
                .bind("code", code)
                .bind("name", "Phường thử " + code)
                .bind("area", AREA)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }

    /**
     * A bare report row in the demo ward, written straight to the table (no intake, no trail), for
     * tests that need a report to hang photo records on.
     */
    public UUID bareReport() {
        return database.sql("""
                        INSERT INTO report (ward_id, reference, reporter_id, client_report_id, payload_sha256, category,
                                            lat, lon, observed_at, observed_offset_seconds, received_at, status)
                        VALUES (:ward, :reference, 'a1000000-0000-4000-8000-000000000102', :client, 'x',
                                'SANITATION', 21.0452, 105.8853, now(), 25200, now(), 'UNASSIGNED')
                        RETURNING id
                        """)
                .bind("ward", DEMO_WARD)
                .bind("reference", "TEST-" + UUID.randomUUID())
                .bind("client", UUID.randomUUID())
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }

    /** A new active unit of the ward with a fresh code; gives its id. */
    public UUID unit(UUID wardId) {
        String code = "U"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36)
                        .toUpperCase(Locale.ROOT);
        return database.sql("INSERT INTO unit (ward_id, code, name, kind) VALUES (:ward, :code, :name, 'OTHER')"
                        + " RETURNING id")
                .bind("ward", wardId)
                .bind("code", code)
                .bind("name", "Đơn vị thử " + code)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }

    /** A new active user of the ward with these roles; gives its username. */
    public String user(UUID wardId, String... roles) {
        return user(wardId, null, roles);
    }

    public String user(UUID wardId, UUID unitId, String... roles) {
        String username = uniqueUsername();
        var insert = database.sql("""
                        INSERT INTO app_user (province_id, ward_id, username, display_name, roles, unit_id, password_hash)
                        SELECT w.province_id, w.id, :username, :name, :roles, :unit, :hash FROM ward w WHERE w.id = :ward
                        """)
                .bind("ward", wardId)
                .bind("username", username)
                .bind("name", "Người dùng " + username)
                .bind("roles", Arrays.copyOf(roles, roles.length, String[].class))
                .bind("hash", PASSWORD_HASH);
        (unitId == null ? insert.bindNull("unit", UUID.class) : insert.bind("unit", unitId))
                .then()
                .block();
        return username;
    }

    public static String uniqueUsername() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** One sign-in attempt over HTTP, as a phone makes it; the test says what should come of it. */
    public static WebTestClient.ResponseSpec attemptSignIn(WebTestClient http, String username, String password) {
        return http.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    /** Signs in with {@link #PASSWORD}, which must succeed. */
    public TokenResponseDto signIn(String username) {
        return attemptSignIn(http, username, PASSWORD)
                .expectStatus()
                .isOk()
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();
    }

    public String bearer(String username) {
        return "Bearer " + signIn(username).getAccessToken();
    }
}
