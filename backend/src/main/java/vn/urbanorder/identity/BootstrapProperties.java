package vn.urbanorder.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first ward and its first admin, created on a database with no users
 * ({@code urbanorder.bootstrap.*}). There is no default password: without these, nobody is created.
 *
 * @param wardServiceArea the ward's service area as a GeoJSON Polygon or MultiPolygon, needed only
 *     when the ward does not exist yet
 */
@ConfigurationProperties("urbanorder.bootstrap")
record BootstrapProperties(
        String wardCode,
        String wardName,
        String wardServiceArea,
        @DefaultValue("Asia/Ho_Chi_Minh") String wardTimeZone,
        String adminUsername,
        String adminPassword,
        @DefaultValue("Quản trị phường") String adminDisplayName) {

    boolean complete() {
        return present(wardCode) && present(adminUsername) && present(adminPassword);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
