/** Deadlines: each ward's hours per category, its working calendar with public holidays, and when a report falls due. */
package vn.urbanorder.deadline;
