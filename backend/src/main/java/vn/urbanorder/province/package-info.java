/**
 * The province's own officers' work with its wards: the province, its wards with their service
 * areas by version and their first admins, and importing the wards' boundaries from a file.
 */
@ApplicationModule(allowedDependencies = {"api", "ward", "identity", "shared"})
@NullMarked
package vn.urbanorder.province;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
