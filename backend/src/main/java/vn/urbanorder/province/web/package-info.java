/** The province API: {@code /api/v1/province} and {@code /api/v1/wards}. */
@NullMarked
package vn.urbanorder.province.web;

import org.jspecify.annotations.NullMarked;
