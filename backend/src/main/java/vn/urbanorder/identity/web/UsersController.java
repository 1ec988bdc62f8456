package vn.urbanorder.identity.web;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.UsersApi;
import vn.urbanorder.api.model.NewUserDto;
import vn.urbanorder.api.model.RoleDto;
import vn.urbanorder.api.model.UserChangesDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.User;
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
    public Mono<ResponseEntity<UserDto>> getMe(ServerWebExchange exchange) {
        return Caller.current().flatMap(users::me).map(this::ok);
    }

    @Override
    @PreAuthorize("hasAnyRole('WARD_ADMIN', 'PROVINCE_ADMIN')")
    public Mono<ResponseEntity<UserPageDto>> listUsers(
            Integer page, Integer size, @Nullable RoleDto role, @Nullable Boolean active, ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> users.list(caller, page, size, role == null ? null : mapper.toDomain(role), active))
                .map(found -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(mapper.toApi(found)));
    }

    @Override
    @PreAuthorize("hasAnyRole('WARD_ADMIN', 'PROVINCE_ADMIN')")
    public Mono<ResponseEntity<UserDto>> createUser(Mono<NewUserDto> newUser, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(newUser)
                .flatMap(create -> users.create(create.getT1(), mapper.toDomain(create.getT2())))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(mapper.toApi(created)));
    }

    @Override
    @PreAuthorize("hasAnyRole('WARD_ADMIN', 'PROVINCE_ADMIN')")
    public Mono<ResponseEntity<UserDto>> getUser(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> users.find(caller, id)).map(this::ok);
    }

    @Override
    @PreAuthorize("hasAnyRole('WARD_ADMIN', 'PROVINCE_ADMIN')")
    public Mono<ResponseEntity<UserDto>> updateUser(UUID id, Mono<UserChangesDto> changes, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(changes)
                .flatMap(update -> users.update(update.getT1(), id, mapper.toDomain(update.getT2())))
                .map(this::ok);
    }

    private ResponseEntity<UserDto> ok(User user) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.toApi(user));
    }
}
