@NullMarked
package vn.urbanorder.shared.web;

import org.jspecify.annotations.NullMarked;
