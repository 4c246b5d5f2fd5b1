package org.lbsim.cluster;

import org.lbsim.metrics.FailureRecord;

/** One outage of a server while it is being measured: when it began, was noticed and ended. */
final class Outage {

    private final String server;
    private final double at;
    private double detectedAt = Double.NaN;
    private double recoveredAt = Double.NaN;
    private long lost;

    Outage(String server, double at) {
        this.server = server;
        this.at = at;
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

    void recovered(double now) {
        recoveredAt = now;
    }

    FailureRecord record() {
        return new FailureRecord(server, "crash", at, detectedAt - at, recoveredAt, lost);
    }
}
