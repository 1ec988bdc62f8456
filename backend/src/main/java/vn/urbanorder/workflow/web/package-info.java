@NullMarked
package vn.urbanorder.workflow.web;

import org.jspecify.annotations.NullMarked;
