@NullMarked
package vn.urbanorder.review.web;

import org.jspecify.annotations.NullMarked;
