@NullMarked
package vn.urbanorder.shared.database;

import org.jspecify.annotations.NullMarked;
