/**
 * The province's own officers in the console: their home (the province's figures), the wards of
 * the province (a province admin creates, renames and redraws them, imports them from a file and
 * gives each its first ward admin), and the way every ward page sends them home.
 */
@NullMarked
package vn.urbanorder.console.web.province;

import org.jspecify.annotations.NullMarked;
