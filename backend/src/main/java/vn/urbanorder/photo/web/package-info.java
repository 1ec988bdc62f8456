@NullMarked
package vn.urbanorder.photo.web;

import org.jspecify.annotations.NullMarked;
