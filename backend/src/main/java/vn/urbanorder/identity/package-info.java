/** Users, their roles and sign-in: who the caller is and what their role lets them do, in their ward. */
@ApplicationModule(allowedDependencies = {"api", "shared", "ward"})
@NullMarked
package vn.urbanorder.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
