@NullMarked
package vn.urbanorder.assignment.web;

import org.jspecify.annotations.NullMarked;
