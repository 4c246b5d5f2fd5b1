package org.lbsim.metrics;

/**
 * One server over the measured window.
 *
 * @param utilization  time-average busy workers / workers
 * @param completed    requests it answered that were sent after the warm-up
 * @param meanInSystem time-average requests held (in service and waiting)
 * @param upFraction   share of the window it was up
 */
public record ServerResult(String name, double utilization, long completed, double meanInSystem, double upFraction) {
}
