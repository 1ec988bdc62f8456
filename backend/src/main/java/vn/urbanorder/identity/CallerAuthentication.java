package vn.urbanorder.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: the caller, with their roles as authorities, the token that proved it,
 * and whether they must change a password someone else set before doing anything else.
 */
class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final transient Jwt token;
    private final boolean passwordChangeRequired;

    CallerAuthentication(Caller caller, Jwt token, boolean passwordChangeRequired) {
        super(caller.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
        this.caller = caller;
        this.token = token;
        this.passwordChangeRequired = passwordChangeRequired;
        setAuthenticated(true);
    }

    Caller caller() {
        return caller;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.username();
    }
}
