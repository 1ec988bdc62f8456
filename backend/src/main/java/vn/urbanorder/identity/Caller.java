package vn.urbanorder.identity;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.ProblemException;

/**
 * The signed-in user a request acts for, as their token says. Every query scopes itself with the
 * caller's ward (or, for the province's own officers, their province): it comes from the token,
 * never from the request.
 *
 * @param wardIdOrNull the caller's ward; none for a province officer
 * @param wardCodeOrNull its code; none for a province officer
 */
public record Caller(
        UUID userId,
        String username,
        UUID provinceId,
        @Nullable UUID wardIdOrNull,
        @Nullable String wardCodeOrNull,
        Set<Role> roles,
        @Nullable UUID unitId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller works for the province rather than one of its wards. */
    public boolean ofProvince() {
        return wardIdOrNull == null;
    }

    /**
     * The caller's ward, which every ward-scoped query is bound to. A province officer has none,
     * and gets a 403: they read the wards' figures, never act in a ward.
     */
    public UUID wardId() {
        if (wardIdOrNull == null) {
            throw notInAWard();
        }
        return wardIdOrNull;
    }

    /** The code of the caller's ward; a 403 for a province officer, as {@link #wardId()}. */
    public String wardCode() {
        if (wardCodeOrNull == null) {
            throw notInAWard();
        }
        return wardCodeOrNull;
    }

    /** The caller of the current request; a 401 problem when there is none. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> ((CallerAuthentication) authentication).caller())
                .switchIfEmpty(Mono.error(() -> ProblemException.unauthorized("Cần đăng nhập để dùng chức năng này.")));
    }

    static ProblemException notInAWard() {
        return ProblemException.forbidden(
                "Tài khoản cấp tỉnh chỉ xem số liệu của các phường, xã; không làm việc trong một phường.");
    }
}
