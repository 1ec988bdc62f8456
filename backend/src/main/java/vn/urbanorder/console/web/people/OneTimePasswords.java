package vn.urbanorder.console.web.people;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Passwords an admin reads out to a person who types them on a phone: three groups of four
 * lower-case letters and digits, with none that look alike (no 0 o, 1 l i), about 59 bits.
 */
@Component
public class OneTimePasswords {

    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 4;

    private final SecureRandom random = new SecureRandom();

    OneTimePasswords() {
        // Seeds the generator at start-up, off any event loop: its first use reads the system's entropy.
        random.nextInt();
    }

    /** SecureRandom may still read the entropy source later, so it runs off the event loops. */
    public Mono<String> next() {
        return Mono.fromCallable(this::make).subscribeOn(Schedulers.boundedElastic());
    }

    private String make() {
        StringBuilder password = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int group = 0; group < GROUPS; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
