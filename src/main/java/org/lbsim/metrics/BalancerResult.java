package org.lbsim.metrics;

/**
 * What the balancer's health checks did in the measured window.
 *
 * @param meanDetectionSeconds mean time from a server's failure to the balancer marking it
 *                             down; NaN when no failure was detected
 */
public record BalancerResult(long healthChecks, long markedDown, long markedUp, double meanDetectionSeconds) {
}
