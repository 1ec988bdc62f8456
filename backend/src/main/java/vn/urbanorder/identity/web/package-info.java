@NullMarked
package vn.urbanorder.identity.web;

import org.jspecify.annotations.NullMarked;
