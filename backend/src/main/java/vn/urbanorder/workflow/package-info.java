/** The handling workflow: the actions that move reports through their states, and the moves of inspectors' reviews. */
package vn.urbanorder.workflow;
