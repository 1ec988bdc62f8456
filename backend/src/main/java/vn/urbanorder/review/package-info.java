/**
 * Reviews by the ward's Fatherland Front inspectors (Ủy ban MTTQ): verdicts on how reports were
 * handled, which move the work and can never be changed.
 */
package vn.urbanorder.review;
