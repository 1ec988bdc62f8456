package vn.urbanorder.stats.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.urbanorder.stats.StatsExports;

/**
 * Deletes an export file once its response is over: sent, failed, or abandoned by the client. The
 * file is sent straight from disk (zero-copy), so it must outlive the handler. A file registered
 * after the exchange already ended (the client left while it was being handed over) is deleted at
 * once.
 */
@Component
class ExportFileCleanup implements WebFilter {

    private static final String FILES = ExportFileCleanup.class.getName() + ".files";

    static void deleteAfterResponse(ServerWebExchange exchange, Path file) {
        ResponseFiles files = exchange.getAttribute(FILES);
        if (files == null) {
            // Not under this filter: nobody would delete it later.
            throw new IllegalStateException("No response to delete the export file after");
        }
        files.add(file);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var files = new ResponseFiles();
        exchange.getAttributes().put(FILES, files);
        return chain.filter(exchange).doFinally(signal -> files.end());
    }

    /** The files of one response; once it has ended, any file is deleted as soon as it is known. */
    private static final class ResponseFiles {

        private final List<Path> files = new ArrayList<>(1);
        private boolean ended;

        void add(Path file) {
            boolean deleteNow;
            synchronized (this) {
                deleteNow = ended;
                if (!ended) {
                    files.add(file);
                }
            }
            if (deleteNow) {
                StatsExports.delete(file).subscribe();
            }
        }

        void end() {
            List<Path> toDelete;
            synchronized (this) {
                ended = true;
                toDelete = List.copyOf(files);
                files.clear();
            }
            toDelete.forEach(file -> StatsExports.delete(file).subscribe());
        }
    }
}
