/** Violation categories and their subtypes: the reference data every report is classified by. */
@ApplicationModule(allowedDependencies = {"api"})
@NullMarked
package vn.urbanorder.category;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
