package vn.urbanorder.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ReportActionDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportEventDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitListDto;
import vn.urbanorder.console.ConsoleApi;

/**
 * The "Xử lý" part of a report's page: the actions the API lists for this person now (and no
 * other), the units a report may be sent to, and what became of the last action.
 */
@Component
class ReportActionsPanel {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The fields each action's form shows, so that an error on any other field is listed above the forms. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "RESOLVE", Set.of("note", "photos"),
            "REJECT", Set.of("reason", "duplicateOf", "note"),
            "REASSIGN", Set.of("unitId", "note"),
            "REOPEN", Set.of("note"));

    private final ConsoleApi api;
    private final MessageSource messages;
    private final ConsoleFormat format;

    ReportActionsPanel(ConsoleApi api, MessageSource messages, ConsoleFormat format) {
        this.api = api;
        this.messages = messages;
        this.format = format;
    }

    /** The ward's active units other than the report's own, when the person may reassign it. */
    Mono<List<UnitDto>> units(ReportDto report) {
        if (!allowed(report).contains("REASSIGN")) {
            return Mono.just(List.of());
        }
        var current = report.getAssignment() == null || report.getAssignment().getUnit() == null
                ? null
                : report.getAssignment().getUnit().getId();
        return api.get(
                        uri -> uri.path("/api/v1/units")
                                .queryParam("active", true)
                                .build(),
                        UnitListDto.class)
                .map(list -> list.getItems().stream()
                        .filter(unit -> !unit.getId().equals(current))
                        .toList());
    }

    void describe(
            Rendering.Builder<?> page,
            ReportDto report,
            List<ReportEventDto> events,
            List<UnitDto> units,
            ActionOutcome outcome) {
        String failed = outcome.kind() == ActionOutcome.Kind.INVALID ? Objects.requireNonNull(outcome.action()) : "";
        List<String> otherErrors = new ArrayList<>();
        outcome.errors().forEach((field, message) -> {
            if (!FIELDS.getOrDefault(failed, Set.of()).contains(field)) {
                otherErrors.add(message);
            }
        });
        page.modelAttribute("allowed", allowed(report))
                .modelAttribute("units", units)
                .modelAttribute("failed", failed)
                .modelAttribute("form", outcome.form())
                .modelAttribute("errors", outcome.errors())
                .modelAttribute("otherErrors", otherErrors);
        Notice notice = notice(report, events, outcome);
        if (notice != null) {
            page.modelAttribute("notice", notice);
        }
    }

    /** What the page says about the last action; {@code bad} ones are alerts. */
    record Notice(boolean bad, String text) {}

    private @Nullable Notice notice(ReportDto report, List<ReportEventDto> events, ActionOutcome outcome) {
        String action = outcome.action();
        if (action == null) {
            return null;
        }
        String name = text("console.actions.name." + action);
        String status = text("console.status." + report.getStatus().getValue());
        return switch (outcome.kind()) {
            case NONE -> null;
            case DONE -> new Notice(false, text("console.actions.done", name, status));
            case CHANGED -> new Notice(true, changed(report, events, outcome, name, status));
            case REFUSED -> new Notice(true, text("console.actions.refused", name));
            case NOT_NOW -> new Notice(true, text("console.actions.notNow", name, status));
            case INVALID -> new Notice(true, text("console.actions.invalid", name));
        };
    }

    /** Someone acted first: what the report is now, and the latest change to it, by whom and when. */
    private String changed(
            ReportDto report, List<ReportEventDto> events, ActionOutcome outcome, String name, String status) {
        String said = text("console.actions.changed", status, name);
        if (events.isEmpty() || Objects.equals(outcome.seen(), report.getVersion())) {
            return said;
        }
        ReportEventDto last = events.get(events.size() - 1);
        String what = Objects.requireNonNullElse(
                messages.getMessage("console.event." + last.getType(), null, last.getType(), VIETNAMESE),
                last.getType());
        String who = last.getActor() == null
                ? text("console.actions.someone")
                : last.getActor().getDisplayName();
        return said + " " + text("console.actions.lastChange", what, who, format.when(last.getAt()));
    }

    static List<String> allowed(ReportDto report) {
        List<ReportActionDto> allowed = report.getAllowedActions();
        return allowed == null
                ? List.of()
                : allowed.stream().map(ReportActionDto::getValue).toList();
    }

    /** Errors by field as the form shows them: every photo's error beside the one photo field. */
    static Map<String, String> byFormField(Map<String, String> errors) {
        var byField = new LinkedHashMap<String, String>();
        errors.forEach(
                (field, message) -> byField.merge(field.replaceFirst("\\[\\d+]$", ""), message, (a, b) -> a + " " + b));
        return byField;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, VIETNAMESE);
    }
}
