/**
 * Measurement: latency histograms, time-weighted averages, outcome counters and the immutable
 * results of a run. Uses HdrHistogram and Commons Math; knows nothing of the model's classes.
 */
package org.lbsim.metrics;
