package vn.urbanorder.console.web.setup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.DeadlinePolicyDto;
import vn.urbanorder.api.model.HolidayDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * The deadline policy as a form: the calendar deadlines count in, each category's hours, and the
 * public holidays as dates with names (one row each, blank rows to add, a box to remove). Saved
 * whole, as the API takes it; its errors are shown beside the hours or the holiday they name.
 */
@Controller
class DeadlinesSetupController {

    static final int BLANK_ROWS = 3;

    /** A holiday row as shown or as typed. */
    record HolidayRow(String day, String name) {

        static final HolidayRow BLANK = new HolidayRow("", "");

        public boolean blank() {
            return day.isEmpty() && name.isEmpty();
        }
    }

    /** What the form holds: typed text, so a wrong entry is shown back as it was typed. */
    record Sent(String calendar, Map<String, String> hours, List<HolidayRow> holidays) {}

    private final ConsoleApi api;
    private final SetupLists lists;

    DeadlinesSetupController(ConsoleApi api, SetupLists lists) {
        this.api = api;
        this.lists = lists;
    }

    @GetMapping("/console/setup/deadlines")
    Mono<Rendering> page(@RequestParam(required = false) @Nullable String saved) {
        return SetupAccess.wardAdmin()
                .then(api.get(uri -> uri.path("/api/v1/deadline-policy").build(), DeadlinePolicyDto.class))
                .flatMap(policy -> {
                    Map<String, String> hours = new LinkedHashMap<>();
                    policy.getHours().forEach((category, value) -> hours.put(category, String.valueOf(value)));
                    List<HolidayRow> holidays = policy.getHolidays().stream()
                            .map(holiday -> new HolidayRow(holiday.getDay().toString(), holiday.getName()))
                            .collect(Collectors.toCollection(ArrayList::new));
                    return page(
                            new Sent(policy.getCalendar().getValue(), hours, holidays),
                            Set.of(),
                            RowErrors.none(),
                            saved != null,
                            HttpStatus.OK);
                });
    }

    @PostMapping(path = "/console/setup/deadlines", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> save(ServerWebExchange exchange) {
        return SetupAccess.wardAdmin().then(exchange.getFormData()).flatMap(form -> {
            Sent sent = sent(form);
            Set<Integer> removed = RulesSetupController.removed(form, "removeHoliday");
            RowErrors typed = RowErrors.none();
            Map<String, Integer> hours = new LinkedHashMap<>();
            sent.hours().forEach((category, text) -> {
                try {
                    hours.put(category, Integer.valueOf(text));
                } catch (NumberFormatException notANumber) {
                    typed.addField("hours." + category, "Hãy nhập số giờ là một số nguyên.");
                }
            });
            List<HolidayDto> holidays = new ArrayList<>();
            List<Integer> rowOfSent = new ArrayList<>();
            for (int row = 0; row < sent.holidays().size(); row++) {
                HolidayRow holiday = sent.holidays().get(row);
                if (removed.contains(row) || holiday.blank()) {
                    continue;
                }
                LocalDate day = null;
                try {
                    day = LocalDate.parse(holiday.day());
                } catch (DateTimeParseException notADate) {
                    typed.add(row, "day", "Hãy chọn ngày nghỉ.");
                }
                if (day != null) {
                    holidays.add(new HolidayDto().day(day).name(holiday.name()));
                    rowOfSent.add(row);
                }
            }
            DeadlinePolicyDto.CalendarEnum calendar;
            try {
                calendar = DeadlinePolicyDto.CalendarEnum.fromValue(sent.calendar());
            } catch (IllegalArgumentException unknown) {
                calendar = null;
                typed.addField("calendar", "Hãy chọn cách tính thời hạn.");
            }
            if (typed.any() || calendar == null) {
                return page(sent, removed, typed, false, HttpStatus.UNPROCESSABLE_CONTENT);
            }
            var policy = new DeadlinePolicyDto().calendar(calendar).hours(hours).holidays(holidays);
            return api.exchange(
                            client -> client.put()
                                    .uri("/api/v1/deadline-policy")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(policy),
                            DeadlinePolicyDto.class)
                    .map(stored -> Rendering.redirectTo("/console/setup/deadlines?saved=1")
                            .status(HttpStatus.SEE_OTHER)
                            .build())
                    .onErrorResume(
                            ApiProblem.class,
                            refused -> refused.status() == 422
                                    ? page(
                                            sent,
                                            removed,
                                            RowErrors.of(refused.fieldErrors(), "holidays", rowOfSent),
                                            false,
                                            HttpStatus.UNPROCESSABLE_CONTENT)
                                    : Mono.error(refused));
        });
    }

    private Mono<Rendering> page(Sent sent, Set<Integer> removed, RowErrors errors, boolean saved, HttpStatus status) {
        List<HolidayRow> holidays = new ArrayList<>(sent.holidays());
        long blanks = holidays.stream().filter(HolidayRow::blank).count();
        for (long i = blanks; i < BLANK_ROWS; i++) {
            holidays.add(HolidayRow.BLANK);
        }
        return lists.categories().map(categories -> {
            Set<String> shown = categories.stream()
                    .map(category -> "hours." + category.getCode())
                    .collect(Collectors.toSet());
            shown.add("calendar");
            return Rendering.view("console/setup/deadlines")
                    .modelAttribute("sent", sent)
                    .modelAttribute("holidays", holidays)
                    .modelAttribute("removed", removed)
                    .modelAttribute("categories", categories)
                    .modelAttribute("errors", errors)
                    .modelAttribute("unplaced", errors.unplaced(shown))
                    .modelAttribute("saved", saved)
                    .status(status)
                    .build();
        });
    }

    private static Sent sent(MultiValueMap<String, String> form) {
        Map<String, String> hours = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("hours.") && !values.isEmpty()) {
                hours.put(name.substring("hours.".length()), SetupForms.text(values.get(0)));
            }
        });
        List<HolidayRow> holidays = new ArrayList<>();
        int count = SetupForms.rows(form, "holidayDay");
        for (int row = 0; row < count; row++) {
            holidays.add(
                    new HolidayRow(SetupForms.at(form, "holidayDay", row), SetupForms.at(form, "holidayName", row)));
        }
        return new Sent(SetupForms.text(form.getFirst("calendar")), hours, holidays);
    }
}
