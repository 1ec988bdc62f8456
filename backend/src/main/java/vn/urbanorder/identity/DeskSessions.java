package vn.urbanorder.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-in for people at a desk: a session on the server, named by a random secret that the
 * browser keeps in an HttpOnly cookie and never shows to a script. No token is ever kept in the
 * browser; each request of a live session reads its user afresh and acts with an access token of
 * the user as they are now ({@link DeskTokens}), so the console is authorised exactly as the API is.
 */
@Service
public class DeskSessions {

    /** The cookie that carries a session's secret. */
    public static final String COOKIE = "UO_DESK";

    private static final int SECRET_BYTES = 32;

    private final Sessions sessions;
    private final DeskSessionStore store;
    private final DeskTokens tokens;
    private final SecureRandom random = new SecureRandom();

    DeskSessions(Sessions sessions, DeskSessionStore store, DeskTokens tokens) {
        this.sessions = sessions;
        this.store = store;
        this.tokens = tokens;
    }

    /**
     * Signs in under the API's brute-force limits (a 401 or 429 problem otherwise) and answers the
     * new session's secret, for the cookie.
     */
    public Mono<String> start(String username, String password, String clientAddress) {
        return sessions.authenticate(username, password, clientAddress).flatMap(user -> secret().flatMap(
                        secret -> store.insert(user, secret).thenReturn(secret)));
    }

    /** How long the cookie may live: a session never outlives its maximum age. */
    public Duration maxAge() {
        return store.maxAge();
    }

    /** Ends the session on the server: the cookie opens nothing from now on. */
    public Mono<Void> end(String secret) {
        return store.delete(secret);
    }

    /** The request's authentication for a live session of an active user; empty otherwise. */
    Mono<Authentication> resume(String secret, boolean touch) {
        return store.resume(secret, touch)
                .filter(User::active)
                .map(user -> AccessTokens.authenticationOf(tokens.of(user)));
    }

    /** SecureRandom may read the system's entropy source, so it runs off the event loops. */
    private Mono<String> secret() {
        return Mono.fromCallable(() -> {
                    byte[] bytes = new byte[SECRET_BYTES];
                    random.nextBytes(bytes);
                    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
