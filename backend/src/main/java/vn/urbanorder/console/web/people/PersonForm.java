package vn.urbanorder.console.web.people;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.result.view.Rendering;
import vn.urbanorder.api.model.RoleDto;
import vn.urbanorder.api.model.UserDto;

/** What the people forms send, read back into the form and into the API's terms. */
final class PersonForm {

    private PersonForm() {}

    static Map<String, Object> sent(SentForm form) {
        return Map.of(
                "username", form.text("username"),
                "displayName", form.text("displayName"),
                "phone", form.text("phone"),
                "roles", form.values("roles"),
                "unitId", form.text("unitId"));
    }

    static Map<String, Object> sent(UserDto person) {
        return Map.of(
                "username", person.getUsername(),
                "displayName", person.getDisplayName(),
                "phone", person.getPhone() == null ? "" : person.getPhone(),
                "roles", person.getRoles().stream().map(RoleDto::getValue).toList(),
                "unitId", person.getUnitId() == null ? "" : person.getUnitId().toString());
    }

    /** The roles ticked; one the API does not know is left out (the API then asks for one). */
    static Set<RoleDto> roles(SentForm form) {
        Set<RoleDto> roles = new LinkedHashSet<>();
        for (String value : form.values("roles")) {
            try {
                roles.add(RoleDto.fromValue(value));
            } catch (IllegalArgumentException unknown) {
                // Not a role: as if not ticked.
            }
        }
        return roles;
    }

    /**
     * The page that shows a one-time password: once, in this answer only, which no browser or
     * proxy may keep.
     */
    static Rendering passwordOnce(UserDto person, String password, boolean created) {
        return Rendering.view("console/people/password-once")
                .modelAttribute("person", person)
                .modelAttribute("password", password)
                .modelAttribute("created", created)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
