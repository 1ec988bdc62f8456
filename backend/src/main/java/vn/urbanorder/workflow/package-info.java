/** The handling workflow: the actions that move reports through their states, and the moves of inspectors' reviews. */
@ApplicationModule(
        allowedDependencies = {
            "api",
            "assignment",
            "deadline",
            "identity",
            "photo",
            "report",
            "photo :: uploads",
            "report :: views",
            "shared",
            "ward"
        })
@NullMarked
package vn.urbanorder.workflow;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
