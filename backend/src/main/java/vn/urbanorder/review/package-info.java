/**
 * Reviews by the ward's Fatherland Front inspectors (Ủy ban MTTQ): verdicts on how reports were
 * handled, which move the work and can never be changed.
 */
@ApplicationModule(
        allowedDependencies = {
            "api",
            "assignment",
            "identity",
            "photo",
            "report",
            "photo :: uploads",
            "report :: views",
            "shared",
            "ward",
            "workflow"
        })
@NullMarked
package vn.urbanorder.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
