/** Photos of reports: judged by their bytes, read for EXIF on the server, kept as evidence by hash. */
@ApplicationModule(allowedDependencies = {"shared", "shared :: multipart"})
@NullMarked
package vn.urbanorder.photo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
