package vn.urbanorder.console.web.figures;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * A period's report file, built by the API and streamed through the console with its name, so the
 * browser never holds a token. The API's 503 (too many files being built) comes through with its
 * Retry-After: the page's script waits and asks again.
 */
@Controller
class FiguresDownloadController {

    private final ConsoleApi api;

    FiguresDownloadController(ConsoleApi api) {
        this.api = api;
    }

    @GetMapping("/console/figures/download")
    @ResponseBody
    Mono<ResponseEntity<Flux<DataBuffer>>> download(
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String format) {
        FiguresPeriod chosen = FiguresPeriod.parse(period);
        ReportFormat file = ReportFormat.of(format);
        return FiguresAccess.adminOrInspector().flatMap(caller -> {
            if (chosen == null
                    || file == null
                    || !ReportFormat.offeredFor(chosen).contains(file)) {
                return Mono.error(new ApiProblem(404, Map.of("detail", "Không có tệp báo cáo này.")));
            }
            return api.download(uri -> chosen.export(uri, file));
        });
    }
}
