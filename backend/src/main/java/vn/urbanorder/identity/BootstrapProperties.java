package vn.urbanorder.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The province, and the first admin, created on a database with no users
 * ({@code urbanorder.bootstrap.*}): a province admin, who then creates the wards; or, for an
 * installation of one ward ({@code ward-code} set), that ward and its ward admin. There is no
 * default password: without these, nobody is created.
 *
 * @param wardServiceArea the ward's service area as a GeoJSON Polygon or MultiPolygon, needed only
 *     when the ward does not exist yet
 */
@ConfigurationProperties("urbanorder.bootstrap")
record BootstrapProperties(
        @Nullable String provinceCode,
        @Nullable String provinceName,
        @Nullable String wardCode,
        @Nullable String wardName,
        @Nullable String wardServiceArea,
        @DefaultValue("Asia/Ho_Chi_Minh") String wardTimeZone,
        @Nullable String adminUsername,
        @Nullable String adminPassword,
        @Nullable String adminDisplayName) {

    /** Enough to create someone: a province or a ward, a username and a password. */
    boolean complete() {
        return (present(provinceCode) || present(wardCode)) && present(adminUsername) && present(adminPassword);
    }

    /** An installation of one ward, whose first admin is that ward's. */
    boolean oneWard() {
        return present(wardCode);
    }

    static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
