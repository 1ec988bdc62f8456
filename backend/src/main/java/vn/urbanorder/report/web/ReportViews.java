package vn.urbanorder.report.web;

import java.time.Clock;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import vn.urbanorder.api.model.NearbyReport;
import vn.urbanorder.api.model.Report;
import vn.urbanorder.api.model.ReportAction;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.Lifecycle;
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

    public Report view(vn.urbanorder.report.Report report, Caller caller) {
        return mapper.toApi(report)
                .overdue(report.overdue(clock.instant()))
                .allowedActions(Lifecycle.allowed(caller, report).stream()
                        .map(action -> ReportAction.fromValue(action.name()))
                        .toList());
    }

    NearbyReport view(ReportQueries.Nearby nearby, Caller caller) {
        return mapper.toApi(nearby).report(view(nearby.report(), caller));
    }
}
