package vn.urbanorder.stats;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The province's figures as a file: an XLSX workbook or a zip of CSV files, of the three tables
 * of {@link ProvinceTables}, built off the event loop in the wards' export slots ({@link
 * StatsExports#tables}).
 */
@Service
public class ProvinceExports {

    private final ProvinceStatistics statistics;
    private final StatsExports exports;

    ProvinceExports(ProvinceStatistics statistics, StatsExports exports) {
        this.statistics = statistics;
        this.exports = exports;
    }

    /** Named {@code thong-ke-tinh-01-2026-10.xlsx} (or {@code .zip}); 503 with Retry-After when the slots are taken. */
    public Mono<ExportFile> export(ProvinceScope scope, FileFormat format) {
        return exports.tables(
                scope.period().fileStem("thong-ke-tinh", scope.province().code()),
                format,
                statistics.figures(scope).map(ProvinceTables::of));
    }
}
