/** Violation categories and their subtypes: the reference data every report is classified by. */
package vn.urbanorder.category;
