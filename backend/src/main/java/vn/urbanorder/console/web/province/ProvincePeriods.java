package vn.urbanorder.console.web.province;

import java.net.URI;
import org.springframework.web.util.UriBuilder;
import vn.urbanorder.console.web.figures.FiguresPeriod;

/** The province's figures of a period in the API's terms: a month by its code, any other by its days. */
final class ProvincePeriods {

    private ProvincePeriods() {}

    static URI figures(UriBuilder uri, FiguresPeriod period) {
        return period(uri.path("/api/v1/province/stats"), period).build();
    }

    static URI export(UriBuilder uri, FiguresPeriod period, String format) {
        return period(uri.path("/api/v1/province/stats/export"), period)
                .queryParam("format", format)
                .build();
    }

    private static UriBuilder period(UriBuilder uri, FiguresPeriod period) {
        if (period.kind() == FiguresPeriod.Kind.MONTH) {
            return uri.queryParam("month", period.code());
        }
        return uri.queryParam("from", period.from()).queryParam("to", period.to());
    }
}
