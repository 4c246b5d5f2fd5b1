package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.RuleSpec;

/**
 * The control actions applied during a live session, each as the scripted event it is
 * equivalent to, at the simulated time it was applied: what a lesson replays.
 *
 * <p>Actions are recorded at the control boundary, through {@link #recording}, rather than read
 * back from the cluster's moments: a lesson needs what was clicked, with its exact parameters,
 * and not what the scenario's own timeline or the autoscaler did. An action the cluster refuses
 * (a server removed meanwhile) is not recorded, as it changed nothing.
 *
 * <p>The simulation thread records; another thread (the window saving a lesson) may read.
 */
public final class ControlJournal {

    private final List<EventSpec> events = new ArrayList<>();

    /** Forgets every action: a reset starts a new lesson. */
    public synchronized void clear() {
        events.clear();
    }

    /** The actions so far, in the order they were applied (so in time order). */
    public synchronized List<EventSpec> events() {
        return List.copyOf(events);
    }

    private synchronized void add(EventSpec event) {
        events.add(event);
    }

    /**
     * A control that forwards each call to {@code target} and, when it succeeds, records it as
     * happening at simulated time {@code at}.
     */
    public ClusterControl recording(ClusterControl target, double at) {
        return new Recorder(target, at);
    }

    /** The decorator: each method forwards, then records the equivalent event. */
    private final class Recorder implements ClusterControl {
        private final ClusterControl target;
        private final double at;

        Recorder(ClusterControl target, double at) {
            this.target = target;
            this.at = at;
        }

        @Override
        public void fail(String server) {
            target.fail(server);
            add(new EventSpec.Fail(at, server));
        }

        @Override
        public void recover(String server) {
            target.recover(server);
            add(new EventSpec.Recover(at, server));
        }

        @Override
        public void slow(String server, double factor) {
            target.slow(server, factor);
            add(new EventSpec.Slow(at, server, factor));
        }

        @Override
        public void blackHole(String server) {
            target.blackHole(server);
            add(new EventSpec.BlackHole(at, server));
        }

        @Override
        public void cutOff(String server) {
            target.cutOff(server);
            add(new EventSpec.CutOff(at, server));
        }

        @Override
        public void addServer(String server, String template) {
            target.addServer(server, template);
            add(new EventSpec.AddServer(at, server, template));
        }

        @Override
        public void removeServer(String server) {
            target.removeServer(server);
            add(new EventSpec.RemoveServer(at, server));
        }

        @Override
        public void setWeight(String server, int weight) {
            target.setWeight(server, weight);
            add(new EventSpec.SetWeight(at, server, weight));
        }

        @Override
        public void setRate(String client, double rate) {
            target.setRate(client, rate);
            add(new EventSpec.SetRate(at, client, rate));
        }

        @Override
        public void setAlgorithm(String algorithm) {
            target.setAlgorithm(algorithm);
            add(new EventSpec.SetAlgorithm(at, algorithm));
        }

        @Override
        public void setSecurityRules(String group, List<RuleSpec> inbound) {
            target.setSecurityRules(group, inbound);
            add(new EventSpec.SetSecurityRule(at, group, inbound));
        }
    }
}
