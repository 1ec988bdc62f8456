package vn.urbanorder.identity;

import java.sql.SQLException;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key the service signs its access tokens with: the configured one, or else the one a
 * migration generated for this installation and keeps in the database, so that every instance
 * and every restart uses the same key without anyone having to make one.
 */
final class SigningKey {

    private static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {}

    /** Read once at start-up, before the service takes requests, over Flyway's JDBC connection. */
    static SecretKey resolve(SecurityProperties.Jwt jwt, DataSource migrations) {
        if (jwt.secret() != null && !jwt.secret().isBlank()) {
            return fromBase64(jwt.secret(), "urbanorder.security.jwt.secret");
        }
        log.info("Access tokens are signed with the key generated for this installation and kept in the"
                + " database (token_signing_key); set URBANORDER_SECURITY_JWT_SECRET to manage the key yourself.");
        return fromBase64(keptInDatabase(migrations), "the token_signing_key table");
    }

    private static String keptInDatabase(DataSource migrations) {
        try (var connection = migrations.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT secret FROM token_signing_key WHERE id = 1")) {
            if (!result.next()) {
                throw new IllegalStateException(
                        "The token_signing_key table is empty; set URBANORDER_SECURITY_JWT_SECRET");
            }
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the token signing key from the database", e);
        }
    }

    private static SecretKey fromBase64(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The token signing key in " + source + " is not base64");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(
                    "The token signing key in " + source + " has " + key.length + " bytes; it needs " + MIN_BYTES);
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
