package org.lbsim.cluster;

import org.lbsim.metrics.ScalingResult;

/**
 * The size of the group of instances over a run, as scaling reports it: instances added and
 * removed, and the most and fewest running (launched and not deregistered) at any time.
 */
final class InstanceCount {

    private int added;
    private int removed;
    private int most;
    private int fewest;

    InstanceCount(int running) {
        restart(running);
    }

    /** Counts from {@code running} instances afresh: the group as autoscaling starts it. */
    void restart(int running) {
        most = running;
        fewest = running;
    }

    void added() {
        added++;
    }

    void removed() {
        removed++;
    }

    /** The group now runs {@code running} instances. */
    void running(int running) {
        most = Math.max(most, running);
        fewest = Math.min(fewest, running);
    }

    ScalingResult result() {
        return new ScalingResult(added, removed, most, fewest);
    }
}
