@NullMarked
package vn.urbanorder.site.web;

import org.jspecify.annotations.NullMarked;
