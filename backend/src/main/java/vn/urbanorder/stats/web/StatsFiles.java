package vn.urbanorder.stats.web;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.api.model.ExportFormatDto;
import vn.urbanorder.stats.DocumentFormat;
import vn.urbanorder.stats.FileFormat;
import vn.urbanorder.stats.StatsExports;
import vn.urbanorder.stats.StatsScope;
import vn.urbanorder.stats.WardStatistics;

/**
 * A period's figures as a file to download: a workbook or CSV zip built on disk, the report to
 * sign as DOCX or PDF (built in memory), or the JSON.
 */
@Component
class StatsFiles {

    private final WardStatistics statistics;
    private final StatsExports exports;
    private final StatsWebMapper mapper;
    private final JsonMapper json;

    StatsFiles(WardStatistics statistics, StatsExports exports, StatsWebMapper mapper, JsonMapper json) {
        this.statistics = statistics;
        this.exports = exports;
        this.mapper = mapper;
        this.json = json;
    }

    Mono<ResponseEntity<Resource>> export(Mono<StatsScope> scope, ExportFormatDto format, ServerWebExchange exchange) {
        if (format == ExportFormatDto.JSON) {
            return scope.flatMap(found -> statistics
                    .figures(found)
                    .map(figures -> file(
                            found.period().fileStem(found.ward().code()) + ".json",
                            MediaType.APPLICATION_JSON,
                            new ByteArrayResource(json.writeValueAsBytes(mapper.toApi(figures))))));
        }
        if (format == ExportFormatDto.DOCX || format == ExportFormatDto.PDF) {
            DocumentFormat document = format == ExportFormatDto.PDF ? DocumentFormat.PDF : DocumentFormat.DOCX;
            return scope.flatMap(found -> exports.document(found, document))
                    .map(report -> file(
                            report.fileName(),
                            MediaType.parseMediaType(report.format().mediaType()),
                            new ByteArrayResource(report.content())));
        }
        FileFormat file = format == ExportFormatDto.XLSX ? FileFormat.XLSX : FileFormat.CSV;
        // The file is the response's from the moment it leaves the export: registered right there,
        // before any operator that could drop it, it is deleted however the exchange ends.
        return scope.flatMap(found -> exports.export(found, file)
                        .doOnNext(built -> ExportFileCleanup.deleteAfterResponse(exchange, built.path())))
                .map(built -> file(
                        built.fileName(),
                        MediaType.parseMediaType(built.format().mediaType()),
                        new FileSystemResource(built.path())));
    }

    private static ResponseEntity<Resource> file(String name, MediaType type, Resource body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
