package vn.urbanorder.identity.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.urbanorder.api.model.NewUserDto;
import vn.urbanorder.api.model.RoleDto;
import vn.urbanorder.api.model.SignedInUserDto;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.api.model.UserChangesDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.identity.NewUser;
import vn.urbanorder.identity.Role;
import vn.urbanorder.identity.TokenPair;
import vn.urbanorder.identity.User;
import vn.urbanorder.identity.UserChanges;
import vn.urbanorder.identity.UserPage;

@Mapper
interface IdentityWebMapper {

    UserDto toApi(User user);

    SignedInUserDto toSignedIn(User user);

    UserPageDto toApi(UserPage page);

    @Mapping(target = "tokenType", expression = "java(TokenResponseDto.TokenTypeEnum.BEARER)")
    @Mapping(target = "expiresIn", source = "accessExpiresIn")
    TokenResponseDto toApi(TokenPair pair);

    NewUser toDomain(NewUserDto user);

    default UserChanges toDomain(UserChangesDto changes) {
        return new UserChanges(
                changes.getDisplayName(),
                changes.getPhone(),
                changes.getRoles() == null ? null : roles(changes.getRoles()),
                changes.getUnitId(),
                Boolean.TRUE.equals(changes.getRemoveUnit()),
                changes.getActive(),
                changes.getPassword());
    }

    Role toDomain(RoleDto role);

    default Set<Role> roles(java.util.Collection<RoleDto> roles) {
        Set<Role> mapped = EnumSet.noneOf(Role.class);
        roles.forEach(role -> mapped.add(toDomain(role)));
        return mapped;
    }

    /** Roles in a stable order, so that clients and tests see the same list every time. */
    default List<RoleDto> roles(Set<Role> roles) {
        return roles.stream()
                .sorted()
                .map(role -> RoleDto.fromValue(role.name()))
                .toList();
    }

    default @Nullable OffsetDateTime toApi(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default Integer seconds(Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }
}
