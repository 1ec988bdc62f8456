/**
 * The service's own pages: the landing page at its root, and the API contract it serves with a
 * reference page that renders it. Later the field app ({@code /app/}) and the console
 * ({@code /console/}) hang off the landing page.
 */
@ApplicationModule(allowedDependencies = {"api"})
@NullMarked
package vn.urbanorder.site;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
