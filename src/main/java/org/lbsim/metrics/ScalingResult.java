package org.lbsim.metrics;

/** Instances added and removed during the run, and the most and fewest registered at once. */
public record ScalingResult(int added, int removed, int maxInstances, int minInstances) {
}
