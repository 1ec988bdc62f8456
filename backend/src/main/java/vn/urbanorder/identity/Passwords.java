package vn.urbanorder.identity;

import java.nio.charset.StandardCharsets;
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

    /** bcrypt reads no further than 72 bytes and Spring Security refuses longer input. */
    static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** Checked when the user is unknown, so that a wrong username takes as long as a wrong password. */
    private final String decoy = encoder.encode("decoy-password-never-used");

    Mono<String> hash(String field, String password) {
        return check(field, password)
                .then(Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic()));
    }

    /** The rules every new password meets, whoever sets it; a 422 on the field if it breaks one. */
    Mono<Void> check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Mono.error(InvalidRequestException.of(field, "Mật khẩu phải có ít nhất " + MIN_LENGTH + " ký tự."));
        }
        if (tooLong(password)) {
            return Mono.error(InvalidRequestException.of(
                    field, "Mật khẩu dài quá " + MAX_BYTES + " byte (chữ có dấu chiếm 2–3 byte mỗi chữ)."));
        }
        return Mono.empty();
    }

    /** A password too long to have been set can only be wrong. */
    Mono<Boolean> matches(String password, String hash) {
        if (tooLong(password)) {
            return Mono.just(false);
        }
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    Mono<Boolean> matchesDecoy(String password) {
        return matches(password, decoy).thenReturn(false);
    }
}
