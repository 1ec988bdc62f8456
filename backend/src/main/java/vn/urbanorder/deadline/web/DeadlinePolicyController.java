package vn.urbanorder.deadline.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.DeadlinesApi;
import vn.urbanorder.api.model.DeadlinePolicyDto;
import vn.urbanorder.api.model.HolidayDto;
import vn.urbanorder.deadline.DeadlineCalendar;
import vn.urbanorder.deadline.DeadlinePolicy;
import vn.urbanorder.deadline.Deadlines;
import vn.urbanorder.deadline.Holiday;
import vn.urbanorder.identity.Caller;

@RestController
class DeadlinePolicyController implements DeadlinesApi {

    private final Deadlines deadlines;

    DeadlinePolicyController(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public Mono<ResponseEntity<DeadlinePolicyDto>> getDeadlinePolicy(ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> deadlines.policy(caller.wardId()))
                .map(this::ok);
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<DeadlinePolicyDto>> replaceDeadlinePolicy(
            Mono<DeadlinePolicyDto> policy, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(policy)
                .flatMap(replace -> {
                    DeadlinePolicyDto sent = replace.getT2();
                    List<Holiday> holidays = sent.getHolidays().stream()
                            .map(holiday -> holiday == null ? null : new Holiday(holiday.getDay(), holiday.getName()))
                            .toList();
                    return deadlines.replace(
                            replace.getT1(),
                            DeadlineCalendar.valueOf(sent.getCalendar().getValue()),
                            sent.getHours() == null ? Map.of() : sent.getHours(),
                            holidays);
                })
                .map(this::ok);
    }

    private ResponseEntity<DeadlinePolicyDto> ok(DeadlinePolicy policy) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new DeadlinePolicyDto()
                        .calendar(DeadlinePolicyDto.CalendarEnum.fromValue(
                                policy.calendar().name()))
                        .hours(policy.hours())
                        .holidays(policy.holidays().stream()
                                .sorted(Comparator.comparing(Holiday::day))
                                .map(holiday ->
                                        new HolidayDto().day(holiday.day()).name(holiday.name()))
                                .toList()));
    }
}
