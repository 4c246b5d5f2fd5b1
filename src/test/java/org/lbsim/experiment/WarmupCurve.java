package org.lbsim.experiment;

import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.Cluster;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.engine.Simulation;

/**
 * How fast the reference workload runs from the JVM's start on: the run cut into 500 slices,
 * each printed with the milliseconds since {@code main} began and the events per second of wall time it
 * took, so that the JIT compiler's warm-up shows (slow slices while the event loop runs
 * interpreted and profiled code, then full speed). Not a test (timings never are): run it by
 * hand, see docs/performance.md.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -XX:+UseParallelGC -cp target/test-classes:target/lbsim.jar org.lbsim.experiment.WarmupCurve | head -30
 * </pre>
 */
public final class WarmupCurve {

    private WarmupCurve() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Scenario scenario = Benchmark.workload("least-connections", 2, 20_000_000L);
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        cluster.start();
        // Only times and counts are stored while measuring: formatting them in the loop (as this
        // tool first did) ran interpreted code in every slice, and made the early slices look slower.
        int slices = 500;
        long[] times = new long[slices + 1];
        long[] events = new long[slices + 1];
        times[0] = System.nanoTime();
        for (int slice = 1; slice <= slices; slice++) {
            simulation.runUntil(slice * scenario.duration() / slices);
            times[slice] = System.nanoTime();
            events[slice] = simulation.eventsFired();
        }
        StringBuilder lines = new StringBuilder();
        for (int slice = 1; slice <= slices; slice++) {
            lines.append(String.format("%7.1f ms since main  %6.2f M events/s%n", (times[slice] - started) / 1e6,
                    (events[slice] - events[slice - 1]) / ((times[slice] - times[slice - 1]) / 1e3)));
        }
        System.out.print(lines);
    }
}
