/** The ward office's people and units pages, and every person's own password page. */
@NullMarked
package vn.urbanorder.console.web.people;

import org.jspecify.annotations.NullMarked;
