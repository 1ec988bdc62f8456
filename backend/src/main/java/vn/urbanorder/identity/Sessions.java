package vn.urbanorder.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.RandomIds;

/** Signing in, renewing tokens, signing out, and changing one's own password. */
@Service
public class Sessions {

    private final UserStore users;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final DeskSessionStore deskSessions;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Sessions(
            UserStore users,
            Passwords passwords,
            SignInThrottle throttle,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            DeskSessionStore deskSessions,
            TransactionalOperator transactions,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.deskSessions = deskSessions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Signs in. An unknown user, a wrong password and a deactivated account get the same 401, and
     * take about as long, so that nobody can learn which usernames exist.
     */
    public Mono<TokenPair> signIn(String username, String password, String clientAddress) {
        return authenticate(username, password, clientAddress).flatMap(this::issue);
    }

    /**
     * The active user these credentials are right for, under the same brute-force limits as
     * {@link #signIn}; a 401 or 429 problem otherwise. For sign-ins that hold no tokens (the console's).
     */
    Mono<User> authenticate(String username, String password, String clientAddress) {
        String key = username.strip().toLowerCase(Locale.ROOT);
        return throttle.admit(key, clientAddress).flatMap(attempt -> check(key, password)
                .flatMap(user -> user.isPresent()
                        ? throttle.succeeded(attempt, key)
                                .then(users.recordSignIn(user.get().id(), clock.instant()))
                                .thenReturn(user.get())
                        : throttle.failed(attempt).then(Mono.error(Sessions::invalidCredentials))));
    }

    /** The active user these credentials are right for, if any; the same work when there is none. */
    private Mono<Optional<User>> check(String username, String password) {
        return users.findCredentials(username)
                .flatMap(found -> passwords
                        .matches(password, found.passwordHash())
                        .map(matches ->
                                matches && found.user().active() ? Optional.of(found.user()) : Optional.<User>empty()))
                .switchIfEmpty(passwords.matchesDecoy(password).map(never -> Optional.empty()));
    }

    /** Trades a refresh token for a new pair in the same family; the old one is spent. */
    public Mono<TokenPair> refresh(String refreshToken) {
        return refreshTokens
                .rotate(refreshToken, userId -> users.findById(userId).filter(User::active))
                .flatMap(rotation -> rotation.map(next -> Mono.just(pair(next.user(), next.token())))
                        .orElseGet(() -> Mono.error(Sessions::invalidRefreshToken)));
    }

    /** Revokes the caller's refresh token and its family; anything else is quietly ignored. */
    public Mono<Void> signOut(Caller caller, String refreshToken) {
        return refreshTokens.revokeFamilyOf(refreshToken, caller.userId());
    }

    /**
     * Changes the caller's own password, given the current one, and answers a new pair of tokens
     * for this session. Every refresh token the user held is revoked with the change, in one
     * transaction, so the other sessions end at their next refresh. The new password's rules are
     * checked first and count nothing; a wrong current password is counted like a failed sign-in
     * (and forgiven like one by a right one), so an access token cannot be used to guess it. A
     * password someone else set no longer needs changing: the new tokens say so.
     */
    public Mono<TokenPair> changePassword(Caller caller, String current, String next, String clientAddress) {
        return passwords
                .check("newPassword", next)
                .then(
                        java.util.Objects.equals(next, current)
                                ? Mono.error(InvalidRequestException.of(
                                        "newPassword", "Mật khẩu mới phải khác mật khẩu hiện tại."))
                                : Mono.empty())
                .then(users.findCredentialsById(caller.userId()))
                .switchIfEmpty(Mono.error(Sessions::invalidCredentials))
                .flatMap(found -> found.user().active()
                        ? Mono.just(found)
                        : Mono.error(ProblemException.forbidden("Tài khoản đã bị khoá.")))
                .flatMap(found -> {
                    String key = found.user().username();
                    return throttle.admit(key, clientAddress)
                            .flatMap(attempt -> passwords
                                    .matches(current == null ? "" : current, found.passwordHash())
                                    .flatMap(matches -> matches
                                            ? throttle.succeeded(attempt, key).then(passwords.hash("newPassword", next))
                                            : throttle.failed(attempt)
                                                    .then(Mono.error(InvalidRequestException.of(
                                                            "currentPassword", "Mật khẩu hiện tại không đúng.")))))
                            .flatMap(hash -> transactions.transactional(users.changePassword(
                                            found.user().id(), hash, clock.instant())
                                    .then(refreshTokens.revokeAll(found.user().id()))
                                    .then(deskSessions.deleteAll(found.user().id()))
                                    .then(issue(found.user().withOwnPassword()))));
                });
    }

    private Mono<TokenPair> issue(User user) {
        return refreshTokens.issue(user, RandomIds.uuid()).map(refreshToken -> pair(user, refreshToken));
    }

    private TokenPair pair(User user, String refreshToken) {
        return new TokenPair(accessTokens.issue(user), accessTokens.ttl(), refreshToken, refreshTokens.ttl(), user);
    }

    private static ProblemException invalidCredentials() {
        return ProblemException.unauthorized("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá.");
    }

    private static ProblemException invalidRefreshToken() {
        return ProblemException.unauthorized("Phiên đăng nhập đã hết hạn hoặc bị thu hồi. Hãy đăng nhập lại.");
    }
}
