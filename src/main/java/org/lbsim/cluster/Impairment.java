package org.lbsim.cluster;

import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.metrics.FailureRecord;

/**
 * One impairment of one server while it lasts: its kind, when it began, when the balancer
 * noticed (marked the server down or ejected it) and ended, and the requests it cost.
 */
final class Impairment {

    private final String server;
    private final FailureKind kind;
    private final double factor;
    private final boolean passesHealthChecks;
    private final double at;
    private double detectedAt = Double.NaN;
    private double endedAt = Double.NaN;
    private long lost;

    Impairment(String server, FailureKind kind, double factor, boolean passesHealthChecks, double at) {
        this.server = server;
        this.kind = kind;
        this.factor = factor;
        this.passesHealthChecks = passesHealthChecks;
        this.at = at;
    }

    FailureKind kind() {
        return kind;
    }

    double factor() {
        return factor;
    }

    boolean passesHealthChecks() {
        return passesHealthChecks;
    }

    void lostOne() {
        lost++;
    }

    void detected(double now) {
        if (Double.isNaN(detectedAt)) detectedAt = now;
    }

    boolean isDetected() {
        return !Double.isNaN(detectedAt);
    }

    double detectionDelay() {
        return detectedAt - at;
    }

    void ended(double now) {
        endedAt = now;
    }

    FailureRecord record() {
        return new FailureRecord(server, kind.yamlName(), at, detectedAt - at, endedAt, lost);
    }
}
