/** The shared kernel: value types every feature speaks, plus the service's web and database plumbing. */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package vn.urbanorder.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
