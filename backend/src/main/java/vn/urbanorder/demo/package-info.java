/** The demo profile's data: the demo ward's map, its past reports and their handling, made through the features' public services. */
package vn.urbanorder.demo;
