package vn.urbanorder.console.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON FeatureCollection as uploaded to the console (a ward's map, a province's ward
 * boundaries): its bytes, its name, its fingerprint (so the file applied is the file previewed)
 * and, for naming the features the API's errors point at ({@code features[3].geometry}), each
 * feature's code.
 */
public record FeatureFile(String name, byte[] bytes, String sha256, List<String> codes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static FeatureFile of(String name, byte[] bytes) {
        return new FeatureFile(name, bytes, sha256(bytes), codes(bytes));
    }

    /** The code of feature {@code index} (from 0), or null where the file has none there. */
    public @Nullable String code(int index) {
        if (index < 0 || index >= codes.size()) {
            return null;
        }
        String code = codes.get(index);
        return code.isEmpty() ? null : code;
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Called once at start-up too: the first digest loads its provider. */
    public static MessageDigest digest() {
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
            List<String> codes = new ArrayList<>();
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
        return other instanceof FeatureFile file && file.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureFile[" + name + ", " + bytes.length + " bytes, " + sha256 + "]";
    }
}
