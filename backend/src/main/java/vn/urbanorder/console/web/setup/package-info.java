/** Running the ward's set-up from the console: the map with a preview before it takes effect, the assignment rules, the deadline and location policies. */
@NullMarked
package vn.urbanorder.console.web.setup;

import org.jspecify.annotations.NullMarked;
