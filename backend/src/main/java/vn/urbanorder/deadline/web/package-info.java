@NullMarked
package vn.urbanorder.deadline.web;

import org.jspecify.annotations.NullMarked;
