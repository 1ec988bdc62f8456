package vn.urbanorder.province;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/**
 * What a file of ward boundaries would do to the province, stored nowhere: each feature's
 * outcome, every error the import would refuse it for and the warnings it would not.
 */
public record WardImportPreview(
        int features, List<Item> items, List<FieldProblem> errors, List<FieldProblem> warnings) {

    public WardImportPreview {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public enum Change {
        NEW,
        AREA_CHANGED,
        RENAMED,
        TIME_ZONE_CHANGED,
        UNCHANGED
    }

    /**
     * One feature with a code (a repeated code only the first time).
     *
     * @param wardId the province's ward of that code, if any
     * @param wasName for a rename, the ward's name now
     */
    public record Item(
            int feature,
            String code,
            String name,
            @Nullable UUID wardId,
            Set<Change> changes,
            @Nullable String wasName) {

        public Item {
            changes = Set.copyOf(changes);
        }

        public boolean isNew() {
            return changes.contains(Change.NEW);
        }

        public boolean unchanged() {
            return changes.contains(Change.UNCHANGED);
        }
    }

    public int added() {
        return (int) items.stream().filter(Item::isNew).count();
    }

    public int unchanged() {
        return (int) items.stream().filter(Item::unchanged).count();
    }

    public int changed() {
        return items.size() - added() - unchanged();
    }
}
