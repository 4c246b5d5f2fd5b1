package org.lbsim.metrics;

/**
 * What the instances cost over the measured window: instance-hours times each instance's
 * {@code costPerHour}, and that per million completed requests (NaN when none completed).
 */
public record CostResult(double instanceHours, double total, double perMillionCompleted) {
}
