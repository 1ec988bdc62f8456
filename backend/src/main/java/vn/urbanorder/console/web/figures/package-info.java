/** The ward's figures in the console: a period at a glance, its charts and map, and its report files. */
@NullMarked
package vn.urbanorder.console.web.figures;

import org.jspecify.annotations.NullMarked;
