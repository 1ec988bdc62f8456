/**
 * The console ({@code /console/}): server-rendered pages for unit staff, inspectors and ward
 * officers at a desk. It acts only through the service's public JSON API, as the signed-in person,
 * so every page is authorised exactly as the API is.
 */
@ApplicationModule(allowedDependencies = {"api", "identity", "shared"})
@NullMarked
package vn.urbanorder.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
