/** Units, zones and patrol segments, assignment rules, and the decision of which unit gets each report. */
@ApplicationModule(allowedDependencies = {"api", "category", "identity", "shared", "ward"})
@NullMarked
package vn.urbanorder.assignment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
