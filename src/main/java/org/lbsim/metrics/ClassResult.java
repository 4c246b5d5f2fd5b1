package org.lbsim.metrics;

/** The completed requests of one request class and their latency. */
public record ClassResult(String name, long completed, LatencySummary latency) {
}
