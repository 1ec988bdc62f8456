/**
 * Interfaces and models generated from {@code mobile-api-spec/openapi.yaml}; only features' {@code web} packages use them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.urbanorder.api;

import org.springframework.modulith.ApplicationModule;
