/**
 * Violation locations (điểm vi phạm): where each kind of violation is reported, which of those
 * places are repeat points (điểm tái phạm), the radius that makes two reports "the same place"
 * per category, and rebuilding the locations from the reports.
 */
@ApplicationModule(
        allowedDependencies = {"api", "category", "identity", "report", "report :: filters", "report :: views", "shared"
        })
@NullMarked
package vn.urbanorder.location;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
