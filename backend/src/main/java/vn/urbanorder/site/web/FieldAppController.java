package vn.urbanorder.site.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The patrol officers' field app: its page at {@code /app/} and its service worker. Its other files
 * are plain static files. Both are revalidated on every visit ({@code no-cache}), so a phone that
 * is online sees a release at once; offline, the service worker answers from its copy.
 */
@RestController
class FieldAppController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

    private final FieldAppShell shell;

    FieldAppController(FieldAppShell shell) {
        this.shell = shell;
    }

    /** Without the slash, the page's relative addresses would point one folder too high. */
    @GetMapping("/app")
    Mono<ResponseEntity<Void>> withSlash() {
        return Mono.just(ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create(FieldAppShell.ROOT))
                .build());
    }

    @GetMapping(path = {"/app/", "/app/index.html"})
    Mono<ResponseEntity<byte[]>> page() {
        return Mono.just(revalidated(HTML, shell.index()));
    }

    @GetMapping("/app/sw.js")
    Mono<ResponseEntity<byte[]>> worker() {
        return Mono.just(revalidated(JAVASCRIPT, shell.worker()));
    }

    private ResponseEntity<byte[]> revalidated(MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache())
                .eTag("\"" + shell.version() + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, "vi")
                .body(body);
    }
}
