package vn.urbanorder.identity.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.UsersApi;
import vn.urbanorder.api.model.NewUser;
import vn.urbanorder.api.model.Role;
import vn.urbanorder.api.model.User;
import vn.urbanorder.api.model.UserChanges;
import vn.urbanorder.api.model.UserPage;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.UserAdministration;

@RestController
class UsersController implements UsersApi {

    private final UserAdministration users;
    private final IdentityWebMapper mapper;

    UsersController(UserAdministration users, IdentityWebMapper mapper) {
        this.users = users;
        this.mapper = mapper;
    }

    @Override
    public Mono<ResponseEntity<User>> getMe(ServerWebExchange exchange) {
        return Caller.current().flatMap(users::me).map(this::ok);
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<UserPage>> listUsers(
            Integer page, Integer size, Role role, Boolean active, ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> users.list(caller, page, size, role == null ? null : mapper.toDomain(role), active))
                .map(found -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(mapper.toApi(found)));
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<User>> createUser(Mono<NewUser> newUser, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(newUser)
                .flatMap(create -> users.create(create.getT1(), mapper.toDomain(create.getT2())))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(mapper.toApi(created)));
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<User>> getUser(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> users.find(caller, id)).map(this::ok);
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<User>> updateUser(UUID id, Mono<UserChanges> changes, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(changes)
                .flatMap(update -> users.update(update.getT1(), id, mapper.toDomain(update.getT2())))
                .map(this::ok);
    }

    private ResponseEntity<User> ok(vn.urbanorder.identity.User user) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.toApi(user));
    }
}
