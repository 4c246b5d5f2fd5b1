package org.lbsim.cluster;

import java.util.List;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.engine.Simulation;

/**
 * A scenario's scripted timeline: each event is applied to the cluster at its time, through
 * {@link ClusterControl}. An event about something not there at that time (a server added
 * later or already removed) changes nothing and leaves a warning for the run's results.
 */
final class Timeline implements EventSpec.Visitor<Void> {

    private final Simulation simulation;
    private final ClusterControl cluster;
    private final List<String> warnings;

    /** @param warnings where an ignored event is reported, in the order things happen */
    Timeline(Simulation simulation, ClusterControl cluster, List<String> warnings) {
        this.simulation = simulation;
        this.cluster = cluster;
        this.warnings = warnings;
    }

    /**
     * Schedules every event at its time, in the order given (which orders events at the same
     * time). An event acts after whatever else the run holds for its time, as an action clicked
     * in the live window at that time does (the window applies it when the run has got there):
     * at its time it is put back behind the events then due, so that a saved lesson replays
     * what the class saw.
     */
    void schedule(List<EventSpec> events) {
        for (EventSpec event : events) simulation.scheduleAt(event.at(), this::queueBehindOthers, event);
    }

    private void queueBehindOthers(EventSpec event) {
        simulation.schedule(0, this::apply, event);
    }

    private void apply(EventSpec event) {
        try {
            event.accept(this);
        } catch (IllegalArgumentException e) {
            warnings.add(String.format("event at %.3f s ignored: %s", event.at(), e.getMessage()));
        }
    }

    @Override
    public Void fail(EventSpec.Fail event) {
        cluster.fail(event.server());
        return null;
    }

    @Override
    public Void recover(EventSpec.Recover event) {
        cluster.recover(event.server());
        return null;
    }

    @Override
    public Void setRate(EventSpec.SetRate event) {
        cluster.setRate(event.client(), event.rate());
        return null;
    }

    @Override
    public Void setAlgorithm(EventSpec.SetAlgorithm event) {
        cluster.setAlgorithm(event.algorithm());
        return null;
    }

    @Override
    public Void slow(EventSpec.Slow event) {
        cluster.slow(event.server(), event.factor());
        return null;
    }

    @Override
    public Void blackHole(EventSpec.BlackHole event) {
        cluster.blackHole(event.server());
        return null;
    }

    @Override
    public Void cutOff(EventSpec.CutOff event) {
        cluster.cutOff(event.server());
        return null;
    }

    @Override
    public Void addServer(EventSpec.AddServer event) {
        cluster.addServer(event.server(), event.template());
        return null;
    }

    @Override
    public Void removeServer(EventSpec.RemoveServer event) {
        cluster.removeServer(event.server());
        return null;
    }

    @Override
    public Void setWeight(EventSpec.SetWeight event) {
        cluster.setWeight(event.server(), event.weight());
        return null;
    }

    @Override
    public Void setSecurityRule(EventSpec.SetSecurityRule event) {
        cluster.setSecurityRules(event.group(), event.inbound());
        return null;
    }
}
