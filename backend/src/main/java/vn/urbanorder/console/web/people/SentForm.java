package vn.urbanorder.console.web.people;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** A posted form as the pages read it: text stripped, empty lists for absent fields. */
record SentForm(MultiValueMap<String, String> form) {

    String text(String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** Exactly as typed: passwords keep their spaces. */
    String raw(String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    List<String> values(String name) {
        List<String> found = form.get(name);
        return found == null
                ? List.of()
                : found.stream().filter(value -> !value.isBlank()).toList();
    }

    static @Nullable UUID id(String text) {
        try {
            return text.isEmpty() ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
