package vn.urbanorder.assignment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A responsible unit (đơn vị, bộ phận) of a ward.
 *
 * @param active whether it takes new reports; units are deactivated, never deleted
 */
public record Unit(
        UUID id,
        UUID wardId,
        String code,
        String name,
        UnitKind kind,
        @Nullable String contactPhone,
        boolean active) {}
