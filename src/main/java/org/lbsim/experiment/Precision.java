package org.lbsim.experiment;

import org.lbsim.metrics.Metric;

/**
 * A stopping rule for replications: go on until the 95% half-width of {@code metric} is at
 * most {@code relativeHalfWidth} of its mean, or {@code maxReplications} were run.
 */
public record Precision(Metric metric, double relativeHalfWidth, int maxReplications) {
    public Precision {
        if (!(relativeHalfWidth > 0)) throw new IllegalArgumentException("the relative half-width must be positive");
        if (maxReplications < 2) throw new IllegalArgumentException("at least 2 replications are needed for an interval");
    }
}
