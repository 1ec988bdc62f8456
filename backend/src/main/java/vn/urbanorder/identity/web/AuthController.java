package vn.urbanorder.identity.web;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.AuthApi;
import vn.urbanorder.api.model.PasswordChangeDto;
import vn.urbanorder.api.model.RefreshRequestDto;
import vn.urbanorder.api.model.SignInRequestDto;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Sessions;
import vn.urbanorder.identity.TokenPair;

@RestController
class AuthController implements AuthApi {

    private final Sessions sessions;
    private final IdentityWebMapper mapper;

    AuthController(Sessions sessions, IdentityWebMapper mapper) {
        this.sessions = sessions;
        this.mapper = mapper;
    }

    @Override
    public Mono<ResponseEntity<TokenResponseDto>> signIn(Mono<SignInRequestDto> request, ServerWebExchange exchange) {
        return request.flatMap(credentials ->
                        sessions.signIn(credentials.getUsername(), credentials.getPassword(), clientAddress(exchange)))
                .map(this::tokens);
    }

    @Override
    public Mono<ResponseEntity<TokenResponseDto>> refreshTokens(
            Mono<RefreshRequestDto> request, ServerWebExchange exchange) {
        return request.flatMap(refresh -> sessions.refresh(refresh.getRefreshToken()))
                .map(this::tokens);
    }

    @Override
    public Mono<ResponseEntity<Void>> signOut(Mono<RefreshRequestDto> request, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(request)
                .flatMap(signOut ->
                        sessions.signOut(signOut.getT1(), signOut.getT2().getRefreshToken()))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    @Override
    public Mono<ResponseEntity<TokenResponseDto>> changeOwnPassword(
            Mono<PasswordChangeDto> request, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(request)
                .flatMap(change -> sessions.changePassword(
                        change.getT1(),
                        change.getT2().getCurrentPassword(),
                        change.getT2().getNewPassword(),
                        clientAddress(exchange)))
                .map(this::tokens);
    }

    private ResponseEntity<TokenResponseDto> tokens(TokenPair pair) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(mapper.toApi(pair));
    }

    /** The peer's address; behind a proxy, set server.forward-headers-strategy so it is the client's. */
    private static String clientAddress(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                .map(AuthController::host)
                .orElse("unknown");
    }

    private static String host(InetSocketAddress address) {
        return address.getAddress() == null
                ? address.getHostString()
                : address.getAddress().getHostAddress();
    }
}
