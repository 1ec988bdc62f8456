/** Violation reports: intake from patrols' phones, exactly once, and reading them back. */
package vn.urbanorder.report;
