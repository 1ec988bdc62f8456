package vn.urbanorder.assignment;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One zone or segment a file adds, changes or removes, by code.
 *
 * @param feature its index in the file; null for a removal
 * @param changes what differs from the current map (a change only)
 * @param was the zone as the current map has it (a change only)
 */
public record ZoneChange(
        String code,
        String kind,
        String name,
        @Nullable String unitCode,
        @Nullable Double bufferM,
        @Nullable Integer feature,
        Set<Aspect> changes,
        @Nullable Was was) {

    public ZoneChange {
        changes = Set.copyOf(changes);
    }

    /** What may differ between a file's feature and the current map's zone of the same code. */
    public enum Aspect {
        GEOMETRY,
        NAME,
        KIND,
        UNIT,
        BUFFER
    }

    /** A changed zone as it stands now. */
    public record Was(
            String name,
            String kind,
            @Nullable String unitCode,
            @Nullable Double bufferM) {}
}
