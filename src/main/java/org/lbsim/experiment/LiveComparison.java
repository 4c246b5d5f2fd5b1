package org.lbsim.experiment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.Cluster;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;

/**
 * Two copies of one scenario running live side by side, one per algorithm, fed the very same
 * requests: the same arrival times, work and source addresses (common random numbers, each
 * copy drawing from the same named streams of the same seed, every address drawn on arrival).
 *
 * <p>One simulation thread advances both copies to the same simulated time, slice by slice,
 * with {@link LiveRun}'s pacing; every action on the cluster ({@link #control}) is applied to
 * both between two slices, so at the same simulated time, and only {@link #setAlgorithm}
 * changes one side alone. A scenario's scripted {@code set-algorithm} events are left out: they
 * would give both sides the same algorithm. Observers read {@link #latest()} pairs of snapshots
 * with the sides' paired difference. The threading contract is {@link LiveRun}'s.
 */
public final class LiveComparison implements AutoCloseable {

    /** The two copies, as drawn: left and right. */
    public enum Side {
        LEFT, RIGHT
    }

    /** The paired difference needs no engine figures. */
    private static final EngineStats NO_ENGINE_STATS = new EngineStats(0, 0, 0);

    private final Scenario scenario;
    private final Algorithms algorithms;
    private final AtomicReference<ComparisonSnapshot> latest = new AtomicReference<>();
    /** Set by the observer once it has used the latest snapshots' latency windows. */
    private final AtomicBoolean latencyTaken = new AtomicBoolean(true);
    private final PacedLoop loop = new PacedLoop(new PacedLoop.Model() {
        @Override
        public double now() {
            return simulations.get(Side.LEFT).now();
        }

        @Override
        public double end() {
            return scenario.duration();
        }

        @Override
        public void runUntil(double time) {
            for (Simulation simulation : simulations.values()) simulation.runUntil(time);
        }

        @Override
        public void publish() {
            publishNow();
        }
    });

    // Touched only by the simulation thread (or the test driving the comparison synchronously).
    private final Map<Side, String> chosen = new EnumMap<>(Side.class);
    private final Map<Side, Simulation> simulations = new EnumMap<>(Side.class);
    private final Map<Side, Cluster> clusters = new EnumMap<>(Side.class);

    /**
     * @throws IllegalArgumentException when {@code algorithms} knows no algorithm by one of the names
     */
    public LiveComparison(Scenario scenario, Algorithms algorithms, String left, String right) {
        for (String name : List.of(left, right)) {
            if (algorithms.find(name).isEmpty()) throw new IllegalArgumentException("no algorithm " + name);
        }
        this.scenario = withoutAlgorithmSwitches(scenario);
        this.algorithms = algorithms;
        chosen.put(Side.LEFT, left);
        chosen.put(Side.RIGHT, right);
        build();
    }

    private static Scenario withoutAlgorithmSwitches(Scenario scenario) {
        List<EventSpec> events = scenario.events().stream().filter(event -> !(event instanceof EventSpec.SetAlgorithm)).toList();
        return scenario.withEvents(events);
    }

    /** Both sides from time 0, each with the algorithm chosen for it. */
    private void build() {
        for (Side side : Side.values()) {
            Simulation simulation = new Simulation();
            Cluster cluster = new Cluster(scenario.withAlgorithm(chosen.get(side)), algorithms, simulation);
            cluster.drawEveryAddressOnArrival();
            cluster.start();
            simulations.put(side, simulation);
            clusters.put(side, cluster);
        }
        loop.restart();
        publishNow();
    }

    private void publishNow() {
        boolean newLatencyWindow = latencyTaken.getAndSet(false);
        Cluster left = clusters.get(Side.LEFT);
        Cluster right = clusters.get(Side.RIGHT);
        double now = simulations.get(Side.LEFT).now();
        Optional<PairedDifference> difference = now > scenario.warmup()
                ? Optional.of(PairedDifference.of(left.results(NO_ENGINE_STATS), right.results(NO_ENGINE_STATS)))
                : Optional.empty();
        latest.set(new ComparisonSnapshot(left.snapshot(newLatencyWindow), right.snapshot(newLatencyWindow), difference));
    }

    /** The scenario both sides run (without its scripted algorithm switches). */
    public Scenario scenario() {
        return scenario;
    }

    /** Starts the simulation thread; the comparison starts paused. */
    public void start() {
        loop.start("lbsim-comparison");
    }

    /** The most recent pair of snapshots; never null. */
    public ComparisonSnapshot latest() {
        return latest.get();
    }

    /** Queues an action to run on the simulation thread at the sides' current simulated time. */
    public void submit(Consumer<LiveComparison> action) {
        loop.submit(() -> action.accept(this));
    }

    /** Queues an action for both sides' clusters, applied to each at the same simulated time. */
    public void control(Consumer<ClusterControl> action) {
        submit(comparison -> {
            for (Cluster cluster : comparison.clusters.values()) action.accept(cluster);
        });
    }

    /** Switches one side's algorithm live; the other side goes on with its own. */
    public void setAlgorithm(Side side, String algorithm) {
        submit(comparison -> {
            comparison.clusters.get(side).setAlgorithm(algorithm);
            comparison.chosen.put(side, algorithm);
        });
    }

    public void play() {
        loop.submit(() -> loop.setPlaying(true));
    }

    /** Pauses, publishing where the sides stopped first (as {@link LiveRun#pause()}). */
    public void pause() {
        loop.submit(loop::pause);
    }

    /** Advances both sides one {@link LiveRun#STEP} of simulated time and pauses. */
    public void step() {
        loop.submit(() -> loop.step(LiveRun.STEP));
    }

    /** Simulated seconds per wall second; {@link LiveRun#AS_FAST_AS_POSSIBLE} for no pacing. */
    public void setSpeed(double simSecondsPerWallSecond) {
        if (!(simSecondsPerWallSecond > 0)) throw new IllegalArgumentException("speed must be positive");
        loop.submit(() -> loop.setSpeed(simSecondsPerWallSecond));
    }

    /** Starts both sides over from time 0, paused, each with the algorithm last chosen for it. */
    public void reset() {
        loop.submit(this::build);
    }

    /**
     * Applies the queued actions and runs both sides to simulated time {@code time} (at most the
     * scenario's duration) on the calling thread; for tests, not while the thread runs freely.
     */
    public void advanceTo(double time) {
        loop.advanceTo(time);
    }

    /** One side's cluster, for tests that drive the comparison synchronously; the UI must not use it. */
    public Cluster cluster(Side side) {
        return clusters.get(side);
    }

    /** The observer has used the latency windows of the latest snapshots (see {@link LiveRun#latencyTaken()}). */
    public void latencyTaken() {
        latencyTaken.set(true);
    }

    /** Whether the comparison is playing (as last seen by the simulation thread). */
    public boolean isPlaying() {
        return loop.isPlaying();
    }

    @Override
    public void close() {
        loop.close();
    }
}
