@NullMarked
package vn.urbanorder.location.web;

import org.jspecify.annotations.NullMarked;
