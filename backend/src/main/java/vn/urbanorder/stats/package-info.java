/**
 * The figures a ward reports upward for a month, quarter, half year or year, and their export as
 * Excel workbooks, CSV files and JSON.
 */
@ApplicationModule(allowedDependencies = {"api", "category", "identity", "shared", "ward"})
@NullMarked
package vn.urbanorder.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
