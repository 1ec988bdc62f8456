package vn.urbanorder.stats.web;

import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.urbanorder.stats.StatsExports;

/**
 * Deletes an export file once its response is over: sent, failed, or abandoned by the client. The
 * file is sent straight from disk (zero-copy), so it must outlive the handler.
 */
@Component
class ExportFileCleanup implements WebFilter {

    private static final String FILE = ExportFileCleanup.class.getName() + ".file";

    static void deleteAfterResponse(ServerWebExchange exchange, Path file) {
        exchange.getAttributes().put(FILE, file);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).doFinally(signal -> {
            Path file = exchange.getAttribute(FILE);
            if (file != null) {
                StatsExports.delete(file).subscribe();
            }
        });
    }
}
