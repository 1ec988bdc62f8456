package vn.urbanorder.assignment;

import java.util.List;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/**
 * What a zone file would do to the ward's map, stored nowhere: its changes by code, and every
 * error an import would refuse it for.
 *
 * @param mapVersion the version of the map it was compared with, for the import's If-Match
 */
public record ZonePreview(
        long mapVersion,
        int zones,
        int segments,
        List<ZoneChange> added,
        List<ZoneChange> changed,
        List<ZoneChange> removed,
        int unchanged,
        List<FieldProblem> errors) {

    public ZonePreview {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        errors = List.copyOf(errors);
    }
}
