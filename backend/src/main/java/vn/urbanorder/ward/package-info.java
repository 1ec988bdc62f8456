/** Wards (phường/xã): the tenants, with their time zone and service area. */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package vn.urbanorder.ward;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
