/** Deadlines: each ward's hours per category, its working calendar with public holidays, and when a report falls due. */
@ApplicationModule(allowedDependencies = {"api", "category", "identity", "shared"})
@NullMarked
package vn.urbanorder.deadline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
