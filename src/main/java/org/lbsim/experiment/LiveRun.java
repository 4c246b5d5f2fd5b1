package org.lbsim.experiment;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.Cluster;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.engine.Simulation;

/**
 * A scenario running live: on its own thread, paced against the wall clock (or as fast as
 * possible), steerable while it runs, observed through immutable snapshots.
 *
 * <p>This is the whole model side of the UI, with no JavaFX in it. The threading contract:
 * the simulation thread alone touches the model; other threads only {@link #submit} actions,
 * which run on the simulation thread at its current simulated time between two events, and
 * read {@link #latest()} snapshots. Tests drive the same object without a thread through
 * {@link #advanceTo}.
 */
public final class LiveRun implements AutoCloseable {

    /** Speed meaning "as fast as possible". */
    public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;
    /** Simulated seconds a single step advances. */
    public static final double STEP = 1.0;

    private final Scenario scenario;
    private final Algorithms algorithms;
    private final AtomicReference<ClusterSnapshot> latest = new AtomicReference<>();
    /** What was clicked since the last reset, for File → Save lesson. */
    private final ControlJournal journal = new ControlJournal();
    /** Set by the observer once it has used the latest snapshot's latency window. */
    private final AtomicBoolean latencyTaken = new AtomicBoolean(true);
    private final PacedLoop loop = new PacedLoop(new PacedLoop.Model() {
        @Override
        public double now() {
            return simulation.now();
        }

        @Override
        public double end() {
            return scenario.duration();
        }

        @Override
        public void runUntil(double time) {
            simulation.runUntil(time);
        }

        @Override
        public void publish() {
            latest.set(cluster.snapshot(latencyTaken.getAndSet(false)));
        }
    });

    // Touched only by the simulation thread (or the test driving the run synchronously).
    private Simulation simulation;
    private Cluster cluster;

    public LiveRun(Scenario scenario, Algorithms algorithms) {
        this.scenario = scenario;
        this.algorithms = algorithms;
        build();
    }

    private void build() {
        simulation = new Simulation();
        cluster = new Cluster(scenario, algorithms, simulation);
        cluster.start();
        loop.restart();
        latest.set(cluster.snapshot(latencyTaken.getAndSet(false)));
        journal.clear(); // a reset starts a new lesson
    }

    /** The actions applied through {@link #control} since the run was built or last reset. */
    public ControlJournal journal() {
        return journal;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Starts the simulation thread; the run starts paused. */
    public void start() {
        loop.start("lbsim-simulation");
    }

    /** The most recent snapshot; never null. */
    public ClusterSnapshot latest() {
        return latest.get();
    }

    /** Queues an action to run on the simulation thread at its current simulated time. */
    public void submit(Consumer<LiveRun> action) {
        loop.submit(() -> action.accept(this));
    }

    /** Queues an action on the cluster through the same API a scenario's {@code events:} use. */
    public void control(Consumer<ClusterControl> action) {
        submit(run -> action.accept(journal.recording(run.cluster, run.simulation.now())));
    }

    public void play() {
        loop.submit(() -> loop.setPlaying(true));
    }

    /**
     * Pauses, and publishes where the run stopped: the last slice's snapshot may have been held
     * back by the publishing rate. Published first, so that whoever sees the run paused also
     * sees its final snapshot.
     */
    public void pause() {
        loop.submit(loop::pause);
    }

    /** Advances one {@link #STEP} of simulated time and pauses. */
    public void step() {
        loop.submit(() -> loop.step(STEP));
    }

    /** Simulated seconds per wall second; {@link #AS_FAST_AS_POSSIBLE} for no pacing. */
    public void setSpeed(double simSecondsPerWallSecond) {
        if (!(simSecondsPerWallSecond > 0)) throw new IllegalArgumentException("speed must be positive");
        loop.submit(() -> loop.setSpeed(simSecondsPerWallSecond));
    }

    /** Starts the scenario over from time 0, paused. */
    public void reset() {
        loop.submit(this::build);
    }

    /**
     * Runs the simulation to simulated time {@code time} (at most the scenario's duration) on
     * the calling thread. For tests and for the step button; not while the thread runs freely.
     */
    public void advanceTo(double time) {
        loop.advanceTo(time);
    }

    /** The cluster, for tests that drive the run synchronously; the UI must not use it. */
    public Cluster cluster() {
        return cluster;
    }

    /**
     * The observer has used the latency window of the latest snapshot; the next snapshot's
     * window starts afresh. Until then windows keep growing, so a slow observer loses nothing.
     */
    public void latencyTaken() {
        latencyTaken.set(true);
    }

    /** Whether the run is playing (as last seen by the simulation thread). */
    public boolean isPlaying() {
        return loop.isPlaying();
    }

    @Override
    public void close() {
        loop.close();
    }
}
