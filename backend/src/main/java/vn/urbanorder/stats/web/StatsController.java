package vn.urbanorder.stats.web;

import java.time.LocalDate;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.StatsApi;
import vn.urbanorder.api.model.ExportFormatDto;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.stats.StatsPeriod;
import vn.urbanorder.stats.StatsScope;
import vn.urbanorder.stats.WardStatistics;

/** A month's or any period's figures, as JSON or as a file to send upward. */
@RestController
class StatsController implements StatsApi {

    private final WardStatistics statistics;
    private final StatsWebMapper mapper;
    private final StatsFiles files;

    StatsController(WardStatistics statistics, StatsWebMapper mapper, StatsFiles files) {
        this.statistics = statistics;
        this.mapper = mapper;
        this.files = files;
    }

    @Override
    public Mono<ResponseEntity<PeriodStatisticsDto>> monthlyStats(String month, ServerWebExchange exchange) {
        return figures(month(month));
    }

    @Override
    public Mono<ResponseEntity<PeriodStatisticsDto>> periodStats(
            LocalDate from, LocalDate to, ServerWebExchange exchange) {
        return figures(days(from, to));
    }

    @Override
    public Mono<ResponseEntity<Resource>> exportMonthlyStats(
            String month, ExportFormatDto format, ServerWebExchange exchange) {
        return files.export(month(month), format, exchange);
    }

    @Override
    public Mono<ResponseEntity<Resource>> exportPeriodStats(
            LocalDate from, LocalDate to, ExportFormatDto format, ServerWebExchange exchange) {
        return files.export(days(from, to), format, exchange);
    }

    private Mono<StatsScope> month(String month) {
        return Caller.current().flatMap(caller -> statistics.scope(caller, zone -> StatsPeriod.month(month, zone)));
    }

    private Mono<StatsScope> days(LocalDate from, LocalDate to) {
        return Caller.current().flatMap(caller -> statistics.scope(caller, zone -> StatsPeriod.days(from, to, zone)));
    }

    private Mono<ResponseEntity<PeriodStatisticsDto>> figures(Mono<StatsScope> scope) {
        return scope.flatMap(statistics::figures).map(figures -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(mapper.toApi(figures)));
    }
}
