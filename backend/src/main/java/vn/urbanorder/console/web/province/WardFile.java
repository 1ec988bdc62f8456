package vn.urbanorder.console.web.province;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of the province's ward boundaries as uploaded: its bytes, its name, its fingerprint (so
 * the file imported is the file previewed) and each feature's code, for naming the features the
 * API's errors point at ({@code features[3].geometry}).
 */
record WardFile(String name, byte[] bytes, String sha256, List<String> codes) {

    /** The API's limit for a file of ward boundaries. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FEATURE = Pattern.compile("^features\\[(\\d+)]");

    static WardFile of(String name, byte[] bytes) {
        return new WardFile(name, bytes, sha256(bytes), codes(bytes));
    }

    /** The feature an API error names, counted from 1 as people count; 0 for the whole file. */
    static int featureNumber(@Nullable String field) {
        if (field == null) {
            return 0;
        }
        Matcher found = FEATURE.matcher(field);
        return found.find() ? Integer.parseInt(found.group(1)) + 1 : 0;
    }

    /** The code of feature number {@code number} (from 1), or empty. */
    String code(int number) {
        return number < 1 || number > codes.size() ? "" : codes.get(number - 1);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

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
            List<String> codes = new ArrayList<>();
            for (JsonNode feature : features) {
                codes.add(feature.path("properties").path("code").asString(""));
            }
            return List.copyOf(codes);
        } catch (JacksonException unreadable) {
            return List.of();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WardFile file && file.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "WardFile[" + name + ", " + bytes.length + " bytes, " + sha256 + "]";
    }
}
