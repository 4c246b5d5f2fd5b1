package org.lbsim.ui;

import java.util.Optional;
import java.util.function.Consumer;
import org.lbsim.cluster.ClusterControl;

/** What the keys act on: the one run the window shows, or the side-by-side comparison. */
interface KeyTarget {

    void playOrPause();

    void step();

    void reset();

    /**
     * Selects the instance at {@code position} (1 for the first) and shows it selected; empty,
     * and the selection unchanged, when there is no such instance.
     */
    Optional<String> select(int position);

    /** The selected instance, if one is: what F and U act on. */
    Optional<String> selected();

    /** An action on the cluster (on both sides' at once, in a comparison). */
    void control(Consumer<ClusterControl> action);
}
