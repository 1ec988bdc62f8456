package vn.urbanorder.workflow;

import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.deadline.Deadlines;
import vn.urbanorder.report.LocationMatching;
import vn.urbanorder.report.Report;
import vn.urbanorder.ward.Ward;

/**
 * The deadline a report gets when it goes (back) to a unit: reassigned, reopened, undone as a
 * duplicate, or disputed by an inspector. A repeat offence's is shortened as at intake.
 */
@Component
class NewDeadlines {

    private final Deadlines deadlines;
    private final LocationMatching locations;

    NewDeadlines(Deadlines deadlines, LocationMatching locations) {
        this.deadlines = deadlines;
        this.locations = locations;
    }

    Mono<Instant> due(Ward ward, Report report, Instant now, boolean repeat) {
        Mono<Double> factor = repeat ? locations.repeatDeadlineFactor(ward.id(), report.category()) : Mono.just(1.0);
        return factor.flatMap(times -> deadlines.due(ward.id(), ward.timeZone(), report.category(), now, times));
    }
}
