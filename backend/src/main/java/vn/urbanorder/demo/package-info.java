/** The demo profile's data: the demo ward's map, its past reports and their handling, made through the features' public services. */
@ApplicationModule(
        allowedDependencies = {"assignment", "identity", "photo", "report", "shared", "stats", "ward", "workflow"})
@NullMarked
package vn.urbanorder.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
