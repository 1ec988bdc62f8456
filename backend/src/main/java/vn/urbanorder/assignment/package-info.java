/** Units, zones and patrol segments, assignment rules, and the decision of which unit gets each report. */
package vn.urbanorder.assignment;
