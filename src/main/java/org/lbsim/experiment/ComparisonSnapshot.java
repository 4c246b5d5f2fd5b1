package org.lbsim.experiment;

import java.util.Optional;
import org.lbsim.cluster.ClusterSnapshot;

/**
 * Both sides of a live comparison at the same simulated instant, immutable, for observers on
 * other threads.
 *
 * @param difference the sides' paired outcomes since the warm-up; empty until the warm-up has ended
 */
public record ComparisonSnapshot(ClusterSnapshot left, ClusterSnapshot right, Optional<PairedDifference> difference) {

    public ComparisonSnapshot {
        if (left.time() != right.time()) {
            throw new IllegalArgumentException("the sides are at different times: " + left.time() + " and " + right.time());
        }
    }

    /** The simulated time both sides have reached. */
    public double time() {
        return left.time();
    }

    public ClusterSnapshot side(LiveComparison.Side side) {
        return side == LiveComparison.Side.LEFT ? left : right;
    }
}
