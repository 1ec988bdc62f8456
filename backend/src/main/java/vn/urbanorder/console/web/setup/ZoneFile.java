package vn.urbanorder.console.web.setup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A zone file as uploaded: its bytes, its name, its fingerprint (so the file applied is the file
 * previewed) and, for naming the features the API's errors point at, each feature's code.
 */
record ZoneFile(String name, byte[] bytes, String sha256, List<String> codes) {

    /** The API's limit for a zone file. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ZoneFile of(String name, byte[] bytes) {
        return new ZoneFile(name, bytes, sha256(bytes), codes(bytes));
    }

    /** The code of feature {@code index}, or null where the file has none there. */
    @Nullable
    String code(int index) {
        if (index < 0 || index >= codes.size()) {
            return null;
        }
        String code = codes.get(index);
        return code.isEmpty() ? null : code;
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Made once at start-up: the first digest loads its provider. */
    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static List<String> codes(byte[] bytes) {
        try {
            JsonNode features = JSON.readTree(bytes).path("features");
            if (!features.isArray()) {
                return List.of();
            }
            List<String> codes = new java.util.ArrayList<>();
            for (JsonNode feature : features) {
                codes.add(feature.path("properties").path("code").asString(""));
            }
            return List.copyOf(codes);
        } catch (JacksonException unreadable) {
            // The API says what is wrong with it.
            return List.of();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ZoneFile file && file.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "ZoneFile[" + name + ", " + bytes.length + " bytes, " + sha256 + "]";
    }
}
