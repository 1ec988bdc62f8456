@NullMarked
package vn.urbanorder.category.web;

import org.jspecify.annotations.NullMarked;
