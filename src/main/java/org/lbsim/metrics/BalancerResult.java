package org.lbsim.metrics;

/**
 * What the balancer's health checks did in the measured window.
 *
 * @param meanDetectionSeconds mean time from a server's failure to the balancer marking it
 *                             down; NaN when no failure was detected
 * @param secondsBelowMinimumHealthy time in the window with fewer usable backends than the
 *                             balancer's {@code minimumHealthyTargets}
 */
public record BalancerResult(long healthChecks, long markedDown, long markedUp, double meanDetectionSeconds,
                             double secondsBelowMinimumHealthy) {
}
