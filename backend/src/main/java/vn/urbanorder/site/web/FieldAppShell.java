package vn.urbanorder.site.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The field app's shell as one release: every file under {@code static/app/}, read once at
 * start-up. The service worker is sent with the release's version (a hash of all the files) and
 * the list of files to keep for offline use written into it, so any change to any file makes
 * browsers install the new shell as a whole, with no build step to keep a list by hand.
 */
@Component
class FieldAppShell {

    static final String ROOT = "/app/";
    private static final String LOCATION = "classpath:/static/app/";
    private static final String WORKER = "sw.js";
    private static final String INDEX = "index.html";
    private static final String PRELOADS = "<!-- module preloads -->";
    private static final String LAZY = "js/views/";

    private final String version;
    private final byte[] index;
    private final byte[] worker;

    FieldAppShell() {
        Map<String, byte[]> files = read();
        this.version = versionOf(files);
        this.index = withModulePreloads(require(files, INDEX), files);
        Map<String, byte[]> served = new TreeMap<>();
        served.put(ROOT, index);
        files.forEach((name, bytes) -> {
            if (!name.equals(WORKER) && !name.equals(INDEX)) {
                served.put(ROOT + name, bytes);
            }
        });
        // Each file with its hash: a file from another release (an instance not yet updated, a
        // proxy's stale copy) fails the worker's install, which is tried again, instead of being kept.
        String shellList = served.entrySet().stream()
                .map(file -> "[\"" + file.getKey() + "\", \"" + integrityOf(file.getValue()) + "\"]")
                .collect(Collectors.joining(",\n  "));
        this.worker = new String(require(files, WORKER), StandardCharsets.UTF_8)
                .replace("\"__VERSION__\"", "\"" + version + "\"")
                .replace("[\"__SHELL__\"]", "[\n  " + shellList + ",\n]")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A short hash of every file of the shell: changes with any of them. */
    String version() {
        return version;
    }

    byte[] index() {
        return index.clone();
    }

    byte[] worker() {
        return worker.clone();
    }

    private static Map<String, byte[]> read() {
        try {
            Map<String, byte[]> files = new TreeMap<>();
            Resource base = new PathMatchingResourcePatternResolver().getResource(LOCATION);
            String baseUri = base.getURI().toString();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources(LOCATION + "**/*")) {
                if (!file.isReadable() || file.getURI().toString().endsWith("/")) {
                    continue;
                }
                String name = file.getURI().toString().substring(baseUri.length());
                try (InputStream in = file.getInputStream()) {
                    files.put(name, in.readAllBytes());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("The field app's files cannot be read from " + LOCATION, e);
        }
    }

    /**
     * Every module the first screen needs named in the page's head, so a phone fetches them all at
     * once instead of one level of imports after another: on a slow connection each level costs a
     * round trip. The screens under {@code js/views/} are imported when first opened.
     */
    private static byte[] withModulePreloads(byte[] page, Map<String, byte[]> files) {
        String links = files.keySet().stream()
                .filter(name -> name.endsWith(".js") && !name.equals(WORKER) && !name.startsWith(LAZY))
                .map(name -> "<link rel=\"modulepreload\" href=\"" + name + "\">")
                .collect(Collectors.joining("\n"));
        String html = new String(page, StandardCharsets.UTF_8);
        if (!html.contains(PRELOADS)) {
            throw new IllegalStateException("The field app's " + INDEX + " has no " + PRELOADS);
        }
        return html.replace(PRELOADS, links).getBytes(StandardCharsets.UTF_8);
    }

    private static String versionOf(Map<String, byte[]> files) {
        MessageDigest digest = sha256();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** Subresource Integrity's form of a file's SHA-256. */
    private static String integrityOf(byte[] bytes) {
        return "sha256-" + Base64.getEncoder().encodeToString(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static byte[] require(Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new IllegalStateException("The field app has no " + name + " under " + LOCATION);
        }
        return bytes;
    }
}
