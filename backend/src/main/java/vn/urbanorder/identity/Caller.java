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
 * caller's ward: it comes from the token, never from the request.
 */
public record Caller(
        UUID userId,
        String username,
        UUID wardId,
        String wardCode,
        Set<Role> roles,
        @Nullable UUID unitId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the current request; a 401 problem when there is none. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CallerAuthentication.class::isInstance)
                .map(authentication -> ((CallerAuthentication) authentication).caller())
                .switchIfEmpty(Mono.error(() -> ProblemException.unauthorized("Cần đăng nhập để dùng chức năng này.")));
    }
}
