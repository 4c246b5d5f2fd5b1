/**
 * Running scenarios: one run now; replications, comparisons and sweeps build on it. Runs are
 * deterministic: the same scenario and seed give the same results on any machine.
 */
package org.lbsim.experiment;
