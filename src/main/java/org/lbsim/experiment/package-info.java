/**
 * Running scenarios: one run, its time series, replications, comparisons on common random
 * numbers and sweeps, in parallel. Runs are deterministic: the same scenario and seed give the
 * same results on any machine and with any number of threads.
 */
package org.lbsim.experiment;
