/** The shared kernel: value types every feature speaks, plus the service's web and database plumbing. */
package vn.urbanorder.shared;
