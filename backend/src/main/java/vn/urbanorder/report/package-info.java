/** Violation reports: intake from patrols' phones, exactly once, and reading them back. */
@ApplicationModule(
        allowedDependencies = {
            "api",
            "assignment",
            "category",
            "deadline",
            "identity",
            "photo",
            "photo :: serving",
            "photo :: uploads",
            "shared",
            "ward"
        })
@NullMarked
package vn.urbanorder.report;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
