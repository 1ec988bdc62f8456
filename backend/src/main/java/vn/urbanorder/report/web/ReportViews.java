package vn.urbanorder.report.web;

import java.time.Clock;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import vn.urbanorder.api.model.NearbyReportDto;
import vn.urbanorder.api.model.ReportActionDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.Lifecycle;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportQueries;

/**
 * A report as one reader sees it at this moment: overdue or not, and what they may do to it.
 * Other features' web layers that answer with reports (a location's timeline) use it too.
 */
@Component
@NamedInterface("views")
public class ReportViews {

    private final ReportWebMapper mapper;
    private final Clock clock;

    ReportViews(ReportWebMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public ReportDto view(Report report, Caller caller) {
        return mapper.toApi(report)
                .overdue(report.overdue(clock.instant()))
                .allowedActions(Lifecycle.allowed(caller, report).stream()
                        .map(action -> ReportActionDto.fromValue(action.name()))
                        .toList());
    }

    NearbyReportDto view(ReportQueries.Nearby nearby, Caller caller) {
        return mapper.toApi(nearby).report(view(nearby.report(), caller));
    }
}
