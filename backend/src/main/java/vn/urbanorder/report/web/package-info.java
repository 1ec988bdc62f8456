@NullMarked
package vn.urbanorder.report.web;

import org.jspecify.annotations.NullMarked;
