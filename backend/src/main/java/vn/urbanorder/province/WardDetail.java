package vn.urbanorder.province;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardArea;

/** A ward of the province with every version of its service area, oldest first. */
public record WardDetail(Ward ward, List<Version> areas, int activeAdmins) {

    public WardDetail {
        areas = List.copyOf(areas);
    }

    /**
     * One version of the service area.
     *
     * @param changedBy the username of who recorded it; none for areas recorded before versions
     *     were kept, or by the bootstrap
     */
    public record Version(WardArea area, @Nullable String changedBy, boolean inForce) {}
}
