package vn.urbanorder.console.web;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import vn.urbanorder.api.model.ReportActionDto;

/**
 * What became of the person's last action on a report, for its page to say: carried in the query
 * of the redirect after the post ({@code ?outcome=changed&action=ACCEPT&seen=3}), or, for fields
 * to fix, with what was typed and the API's field errors.
 */
record ActionOutcome(
        Kind kind,
        @Nullable String action,
        @Nullable Integer seen,
        Map<String, String> form,
        Map<String, String> errors) {

    enum Kind {
        NONE,
        /** Done (2xx). */
        DONE,
        /** Someone acted first (412): the version the person saw is gone. */
        CHANGED,
        /** Not this person's to do (403). */
        REFUSED,
        /** Not in the report's status (409). */
        NOT_NOW,
        /** Fields to fix (422). */
        INVALID
    }

    static final ActionOutcome NONE = new ActionOutcome(Kind.NONE, null, null, Map.of(), Map.of());

    ActionOutcome {
        form = Map.copyOf(form);
        errors = Map.copyOf(errors);
    }

    static ActionOutcome invalid(String action, Map<String, String> form, Map<String, String> errors) {
        return new ActionOutcome(Kind.INVALID, action, null, form, errors);
    }

    /** The outcome a redirect names; anything unknown (a hand-made address) is no outcome. */
    static ActionOutcome of(MultiValueMap<String, String> query) {
        String action = query.getFirst("action");
        Kind kind =
                switch (String.valueOf(query.getFirst("outcome"))) {
                    case "done" -> Kind.DONE;
                    case "changed" -> Kind.CHANGED;
                    case "refused" -> Kind.REFUSED;
                    case "notNow" -> Kind.NOT_NOW;
                    default -> Kind.NONE;
                };
        if (kind == Kind.NONE || !known(action)) {
            return NONE;
        }
        return new ActionOutcome(kind, action, number(query.getFirst("seen")), Map.of(), Map.of());
    }

    /** The query of the redirect that tells the page this outcome. */
    static String query(Kind kind, String action, int seen) {
        String name =
                switch (kind) {
                    case DONE -> "done";
                    case CHANGED -> "changed";
                    case REFUSED -> "refused";
                    case NOT_NOW -> "notNow";
                    case NONE, INVALID -> throw new IllegalArgumentException(kind + " is not told by a redirect");
                };
        return "?outcome=" + name + "&action=" + action + "&seen=" + seen;
    }

    static boolean known(@Nullable String action) {
        return action != null
                && Arrays.stream(ReportActionDto.values())
                        .anyMatch(known -> known.getValue().equals(action));
    }

    static @Nullable Integer number(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
