package org.lbsim.experiment;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** A snapshot is published at most this often (seconds of wall time): 30 per second. */
    private static final double PUBLISH_INTERVAL = 1.0 / 30;
    /** Simulated seconds a single step advances. */
    public static final double STEP = 1.0;
    /** Wall time one slice of simulation may take before the loop looks at commands again. */
    private static final double SLICE_WALL_SECONDS = 0.005;

    private final Scenario scenario;
    private final Algorithms algorithms;
    private final Queue<Consumer<LiveRun>> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ClusterSnapshot> latest = new AtomicReference<>();
    /** What was clicked since the last reset, for File → Save lesson. */
    private final ControlJournal journal = new ControlJournal();
    private final Object wakeUp = new Object();
    /** Set by the observer once it has used the latest snapshot's latency window. */
    private final java.util.concurrent.atomic.AtomicBoolean latencyTaken = new java.util.concurrent.atomic.AtomicBoolean(true);

    // Touched only by the simulation thread (or the test driving the run synchronously).
    private Simulation simulation;
    private Cluster cluster;
    private volatile boolean playing;
    private double speed = 1;
    private double pacedFromSimTime;
    private long pacedFromWallNanos;
    private double lastPublishWall = Double.NEGATIVE_INFINITY;
    private double simSecondsPerSlice = 0.01;

    private volatile boolean closed;
    private Thread thread;

    public LiveRun(Scenario scenario, Algorithms algorithms) {
        this.scenario = scenario;
        this.algorithms = algorithms;
        build();
    }

    private void build() {
        simulation = new Simulation();
        cluster = new Cluster(scenario, algorithms, simulation);
        cluster.start();
        journal.clear(); // a reset starts a new lesson
        publish();
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
        thread = new Thread(this::loop, "lbsim-simulation");
        thread.setDaemon(true);
        thread.start();
    }

    /** The most recent snapshot; never null. */
    public ClusterSnapshot latest() {
        return latest.get();
    }

    /** Queues an action to run on the simulation thread at its current simulated time. */
    public void submit(Consumer<LiveRun> action) {
        inbox.add(action);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    /** Queues an action on the cluster through the same API a scenario's {@code events:} use. */
    public void control(Consumer<ClusterControl> action) {
        submit(run -> action.accept(journal.recording(run.cluster, run.simulation.now())));
    }

    public void play() {
        submit(run -> run.setPlaying(true));
    }

    /**
     * Pauses, and publishes where the run stopped: the last slice's snapshot may have been held
     * back by the publishing rate. Published first, so that whoever sees the run paused also
     * sees its final snapshot.
     */
    public void pause() {
        submit(run -> {
            run.publishNow();
            run.setPlaying(false);
        });
    }

    /** Advances one {@link #STEP} of simulated time and pauses. */
    public void step() {
        submit(run -> {
            run.setPlaying(false);
            run.advanceTo(Math.min(run.simulation.now() + STEP, scenario.duration()));
            run.publish();
        });
    }

    /** Simulated seconds per wall second; {@link #AS_FAST_AS_POSSIBLE} for no pacing. */
    public void setSpeed(double simSecondsPerWallSecond) {
        if (!(simSecondsPerWallSecond > 0)) throw new IllegalArgumentException("speed must be positive");
        submit(run -> {
            run.speed = simSecondsPerWallSecond;
            run.repace();
        });
    }

    /** Starts the scenario over from time 0, paused. */
    public void reset() {
        submit(run -> {
            run.playing = false;
            run.lastPublishWall = Double.NEGATIVE_INFINITY;
            run.build();
        });
    }

    /**
     * Runs the simulation to simulated time {@code time} (at most the scenario's duration) on
     * the calling thread. For tests and for the step button; not while the thread runs freely.
     */
    public void advanceTo(double time) {
        drainInbox();
        double target = Math.min(time, scenario.duration());
        if (target > simulation.now()) simulation.runUntil(target);
        publishNow();
    }

    /** The cluster, for tests that drive the run synchronously; the UI must not use it. */
    public Cluster cluster() {
        return cluster;
    }

    private void setPlaying(boolean play) {
        playing = play && simulation.now() < scenario.duration();
        repace();
    }

    private void repace() {
        pacedFromSimTime = simulation.now();
        pacedFromWallNanos = System.nanoTime();
    }

    private void loop() {
        while (!closed) {
            drainInbox();
            if (playing && simulation.now() < scenario.duration()) {
                runSlice();
                publish();
                if (simulation.now() >= scenario.duration()) playing = false;
            } else {
                publish();
                waitForWork(50);
            }
        }
    }

    /** Simulates one slice: up to the paced target time, or a few milliseconds of work flat out. */
    private void runSlice() {
        double target;
        if (speed == AS_FAST_AS_POSSIBLE) {
            target = simulation.now() + simSecondsPerSlice;
        } else {
            double wallElapsed = (System.nanoTime() - pacedFromWallNanos) / 1e9;
            target = Math.min(pacedFromSimTime + wallElapsed * speed, simulation.now() + simSecondsPerSlice);
            if (target <= simulation.now()) {
                waitForWork(2);
                return;
            }
        }
        target = Math.min(target, scenario.duration());
        long before = System.nanoTime();
        simulation.runUntil(target);
        adaptSlice((System.nanoTime() - before) / 1e9);
    }

    /** Sizes slices so one takes about {@link #SLICE_WALL_SECONDS}: commands never wait long. */
    private void adaptSlice(double wallSeconds) {
        if (wallSeconds < SLICE_WALL_SECONDS / 2) {
            simSecondsPerSlice = Math.min(simSecondsPerSlice * 2, 3600);
        } else if (wallSeconds > SLICE_WALL_SECONDS * 2) {
            simSecondsPerSlice = Math.max(simSecondsPerSlice / 2, 1e-6);
        }
    }

    private void drainInbox() {
        for (Consumer<LiveRun> action = inbox.poll(); action != null; action = inbox.poll()) {
            try {
                action.accept(this);
            } catch (IllegalArgumentException e) {
                // A stale command (a server removed meanwhile): the UI shows state, not errors.
            }
        }
    }

    private void publish() {
        double wall = System.nanoTime() / 1e9;
        if (wall - lastPublishWall >= PUBLISH_INTERVAL) {
            publishNow();
            lastPublishWall = wall;
        }
    }

    private void publishNow() {
        latest.set(cluster.snapshot(latencyTaken.getAndSet(false)));
    }

    /**
     * The observer has used the latency window of the latest snapshot; the next snapshot's
     * window starts afresh. Until then windows keep growing, so a slow observer loses nothing.
     */
    public void latencyTaken() {
        latencyTaken.set(true);
    }

    private void waitForWork(long millis) {
        synchronized (wakeUp) {
            if (!inbox.isEmpty()) return;
            try {
                wakeUp.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    /** Whether the run is playing (as last seen by the simulation thread). */
    public boolean isPlaying() {
        return playing;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }
}
