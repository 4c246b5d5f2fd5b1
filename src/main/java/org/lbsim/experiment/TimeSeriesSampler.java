package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.cluster.Cluster;
import org.lbsim.engine.Simulation;
import org.lbsim.engine.Timer;
import org.lbsim.metrics.TimeSeries;

/**
 * Samples a cluster at a fixed interval from time 0 to the end, as events on its simulation.
 * Sampling only reads the model, so the run's results do not change (only its event count).
 */
final class TimeSeriesSampler {

    private final Cluster cluster;
    private final Simulation simulation;
    private final double interval;
    private final double end;
    private final IntervalRecorder recorder;
    private final List<TimeSeries.Interval> intervals = new ArrayList<>();
    private final List<String> servers;

    /** Takes the first snapshot now (time 0) and schedules the others. */
    TimeSeriesSampler(Cluster cluster, Simulation simulation, double interval, double end) {
        if (!(interval > 0)) throw new IllegalArgumentException("sample interval must be positive, was " + interval);
        this.cluster = cluster;
        this.simulation = simulation;
        this.interval = interval;
        this.end = end;
        var first = cluster.snapshot();
        this.recorder = new IntervalRecorder(first);
        this.servers = first.servers().stream().map(server -> server.name()).toList();
        simulation.startTimer(sampleTime(1), TimeSeriesSampler::sample, this);
    }

    /** Sample times are multiples of the interval computed afresh, so they do not drift; the last is the end. */
    private double sampleTime(int index) {
        return Math.min(index * interval, end);
    }

    /** Takes the snapshot that ends an interval; returns when the next is due. */
    private double sample() {
        intervals.add(recorder.next(cluster.snapshot()));
        return simulation.now() < end ? sampleTime(intervals.size() + 1) : Timer.STOP;
    }

    TimeSeries series() {
        return new TimeSeries(interval, servers, intervals);
    }
}
