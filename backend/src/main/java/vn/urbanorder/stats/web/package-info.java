@NullMarked
package vn.urbanorder.stats.web;

import org.jspecify.annotations.NullMarked;
