package vn.urbanorder.province;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.ward.Province;
import vn.urbanorder.ward.Provinces;

/**
 * A province of a test's own, made through {@link Provinces}, with officers (password {@link
 * Fixtures#PASSWORD}) and wards drawn as squares far from the demo ward, at a spot of its own.
 */
final class TestProvince {

    final Province province;
    final String admin;
    final String inspector;
    /** The south-west corner of the province's grid of squares: each test province draws elsewhere. */
    final double lon0;

    final double lat0;

    private final DatabaseClient database;

    TestProvince(Provinces provinces, DatabaseClient database) {
        this.database = database;
        String code = "P" + random(8);
        this.province = provinces.create(code, "Tỉnh thử " + code).block();
        this.admin = officer("PROVINCE_ADMIN");
        this.inspector = officer("PROVINCE_INSPECTOR");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.lon0 = 104.0 + random.nextInt(2000) * 0.001;
        this.lat0 = 18.0 + random.nextInt(2000) * 0.001;
    }

    /** A new active officer of the province with the role; gives the username. */
    String officer(String role) {
        String username = Fixtures.uniqueUsername();
        database.sql("""
                        INSERT INTO app_user (province_id, username, display_name, roles, password_hash)
                        SELECT :province, :username, :name, :roles, password_hash FROM app_user WHERE username = 'tinh1'
                        """)
                .bind("province", province.id())
                .bind("username", username)
                .bind("name", "Cán bộ tỉnh " + username)
                .bind("roles", new String[] {role})
                .then()
                .block();
        return username;
    }

    UUID id() {
        return province.id();
    }

    /** The square of side {@code size} degrees whose south-west corner is (column, row) of the grid. */
    String square(double column, double row, double size) {
        double west = lon0 + column * size;
        double south = lat0 + row * size;
        return polygon(west, south, west + size, south + size);
    }

    static String polygon(double west, double south, double east, double north) {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}",
                west,
                south,
                east,
                south,
                east,
                north,
                west,
                north,
                west,
                south);
    }

    /** The centre of the square at (column, row) as [lat, lon]. */
    double[] centre(double column, double row, double size) {
        return new double[] {lat0 + (row + 0.5) * size, lon0 + (column + 0.5) * size};
    }

    static String random(int length) {
        String text = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)
                .toUpperCase(Locale.ROOT);
        return text.substring(0, Math.min(length, text.length()));
    }
}
