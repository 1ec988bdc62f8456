package vn.urbanorder.identity.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.urbanorder.api.model.SignedInUser;
import vn.urbanorder.api.model.TokenResponse;
import vn.urbanorder.api.model.User;
import vn.urbanorder.api.model.UserPage;
import vn.urbanorder.identity.NewUser;
import vn.urbanorder.identity.Role;
import vn.urbanorder.identity.TokenPair;
import vn.urbanorder.identity.UserChanges;

@Mapper
interface IdentityWebMapper {

    User toApi(vn.urbanorder.identity.User user);

    SignedInUser toSignedIn(vn.urbanorder.identity.User user);

    UserPage toApi(vn.urbanorder.identity.UserPage page);

    @Mapping(target = "tokenType", expression = "java(TokenResponse.TokenTypeEnum.BEARER)")
    @Mapping(target = "expiresIn", source = "accessExpiresIn")
    TokenResponse toApi(TokenPair pair);

    NewUser toDomain(vn.urbanorder.api.model.NewUser user);

    default UserChanges toDomain(vn.urbanorder.api.model.UserChanges changes) {
        return new UserChanges(
                changes.getDisplayName(),
                changes.getPhone(),
                changes.getRoles() == null ? null : roles(changes.getRoles()),
                changes.getUnitId(),
                Boolean.TRUE.equals(changes.getRemoveUnit()),
                changes.getActive(),
                changes.getPassword());
    }

    Role toDomain(vn.urbanorder.api.model.Role role);

    default Set<Role> roles(java.util.Collection<vn.urbanorder.api.model.Role> roles) {
        Set<Role> mapped = EnumSet.noneOf(Role.class);
        roles.forEach(role -> mapped.add(toDomain(role)));
        return mapped;
    }

    /** Roles in a stable order, so that clients and tests see the same list every time. */
    default List<vn.urbanorder.api.model.Role> roles(Set<Role> roles) {
        return roles.stream()
                .sorted()
                .map(role -> vn.urbanorder.api.model.Role.fromValue(role.name()))
                .toList();
    }

    default OffsetDateTime toApi(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default Integer seconds(Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }
}
