/**
 * The figures a ward reports upward for a month, quarter, half year or year, and their export as
 * Excel workbooks, CSV files and JSON.
 */
package vn.urbanorder.stats;
