package vn.urbanorder.identity;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.InvalidRequestException;

/**
 * Hashes and checks passwords with Spring Security's delegating encoder (bcrypt for new hashes).
 * Hashing is deliberately slow, so it runs on the bounded elastic scheduler, never an event loop.
 */
@Component
class Passwords {

    static final int MIN_LENGTH = 10;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** Checked when the user is unknown, so that a wrong username takes as long as a wrong password. */
    private final String decoy = encoder.encode("decoy-password-never-used");

    Mono<String> hash(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Mono.error(InvalidRequestException.of(field, "Mật khẩu phải có ít nhất " + MIN_LENGTH + " ký tự."));
        }
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matchesDecoy(String password) {
        return matches(password, decoy).thenReturn(false);
    }
}
