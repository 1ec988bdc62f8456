package vn.urbanorder.stats.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ProvinceStatsApi;
import vn.urbanorder.api.model.ProvinceExportFormatDto;
import vn.urbanorder.api.model.ProvinceStatisticsDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.stats.FileFormat;
import vn.urbanorder.stats.ProvinceExports;
import vn.urbanorder.stats.ProvinceScope;
import vn.urbanorder.stats.ProvinceStatistics;
import vn.urbanorder.stats.StatsPeriod;

/** The figures of every ward of the caller's province for a month or period, as JSON or as a file. */
@RestController
class ProvinceStatsController implements ProvinceStatsApi {

    private final ProvinceStatistics statistics;
    private final ProvinceExports exports;
    private final ProvinceStatsWebMapper mapper;

    ProvinceStatsController(ProvinceStatistics statistics, ProvinceExports exports, ProvinceStatsWebMapper mapper) {
        this.statistics = statistics;
        this.exports = exports;
        this.mapper = mapper;
    }

    @Override
    public Mono<ResponseEntity<ProvinceStatisticsDto>> provinceStats(
            @Nullable String month, @Nullable LocalDate from, @Nullable LocalDate to, ServerWebExchange exchange) {
        return scope(month, from, to).flatMap(statistics::figures).map(figures -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(mapper.toApi(figures)));
    }

    @Override
    public Mono<ResponseEntity<Resource>> exportProvinceStats(
            ProvinceExportFormatDto format,
            @Nullable String month,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            ServerWebExchange exchange) {
        FileFormat file = format == ProvinceExportFormatDto.XLSX ? FileFormat.XLSX : FileFormat.CSV;
        // The file is the response's from the moment it leaves the export: registered right there,
        // before any operator that could drop it, it is deleted however the exchange ends.
        return scope(month, from, to)
                .flatMap(found -> exports.export(found, file)
                        .doOnNext(built -> ExportFileCleanup.deleteAfterResponse(exchange, built.path())))
                .map(built -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(built.format().mediaType()))
                        .header(
                                "Content-Disposition",
                                ContentDisposition.attachment()
                                        .filename(built.fileName())
                                        .build()
                                        .toString())
                        .body((Resource) new FileSystemResource(built.path())));
    }

    private Mono<ProvinceScope> scope(@Nullable String month, @Nullable LocalDate from, @Nullable LocalDate to) {
        return Mono.fromCallable(() -> period(month, from, to))
                .flatMap(period -> Caller.current().flatMap(caller -> statistics.scope(caller, period)));
    }

    /** {@code month}, or {@code from} and {@code to}; 422 naming the field otherwise. */
    static Function<ZoneId, StatsPeriod> period(
            @Nullable String month, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (month != null) {
            if (from != null || to != null) {
                throw InvalidRequestException.of(
                        "month", "Chọn một tháng (month) hoặc một khoảng ngày (from, to), không cả hai.");
            }
            return zone -> StatsPeriod.month(month, zone);
        }
        if (from == null) {
            throw InvalidRequestException.of("from", "Cần tháng (month) hoặc ngày đầu (from) và ngày cuối (to).");
        }
        if (to == null) {
            throw InvalidRequestException.of("to", "Cần ngày cuối (to) của khoảng thống kê.");
        }
        return zone -> StatsPeriod.days(from, to, zone);
    }
}
