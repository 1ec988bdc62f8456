@NullMarked
package vn.urbanorder.console.web;

import org.jspecify.annotations.NullMarked;
