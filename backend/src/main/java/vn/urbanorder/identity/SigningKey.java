package vn.urbanorder.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The HMAC key the service signs its access tokens with. Production sets it; a trial setup (the
 * embedded database, or the demo profile) may instead generate one and keep it in a file, so that
 * tokens survive a restart. Anything else without a key refuses to start.
 */
final class SigningKey {

    // Set by the embedded database (shared.database) while the service runs on it.
    static final String EMBEDDED_ACTIVE = "urbanorder.database.embedded.active";
    private static final String EMBEDDED_DATA_DIR = "urbanorder.database.embedded.data-dir";
    private static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {}

    static SecretKey resolve(SecurityProperties.Jwt jwt, Environment environment) {
        if (jwt.secret() != null && !jwt.secret().isBlank()) {
            return fromBase64(jwt.secret(), "urbanorder.security.jwt.secret");
        }
        boolean trial = environment.acceptsProfiles(Profiles.of("demo"))
                || environment.getProperty(EMBEDDED_ACTIVE, Boolean.class, false);
        if (!trial) {
            throw new IllegalStateException("No token signing key: set URBANORDER_SECURITY_JWT_SECRET to at least "
                    + MIN_BYTES + " random bytes in base64, e.g. the output of `openssl rand -base64 32`.");
        }
        return keptIn(keyFile(jwt, environment));
    }

    private static Path keyFile(SecurityProperties.Jwt jwt, Environment environment) {
        if (jwt.generatedKeyFile() != null && !jwt.generatedKeyFile().isBlank()) {
            return Path.of(jwt.generatedKeyFile()).toAbsolutePath();
        }
        Path dataDir = Path.of(environment.getProperty(EMBEDDED_DATA_DIR, "data/postgres"))
                .toAbsolutePath();
        return dataDir.resolveSibling("jwt-signing-key");
    }

    private static SecretKey keptIn(Path file) {
        try {
            if (Files.exists(file)) {
                return fromBase64(
                        Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] key = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            restrictToOwner(file);
            log.warn(
                    "Generated a token signing key for trial use and kept it in {}. Production sets"
                            + " URBANORDER_SECURITY_JWT_SECRET instead.",
                    file);
            return new SecretKeySpec(key, "HmacSHA256");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the token signing key in " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the folder's permissions
        }
    }

    private static SecretKey fromBase64(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
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
