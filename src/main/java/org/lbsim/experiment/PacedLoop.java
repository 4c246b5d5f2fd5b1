package org.lbsim.experiment;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The simulation thread of a live model ({@link LiveRun}, {@link LiveComparison}): it runs the
 * model slice by slice, paced against the wall clock (or as fast as possible), applies the
 * actions other threads queue between two slices, and has the model publish snapshots at most
 * 30 times a second. The model is whatever can run to a simulated time and publish.
 *
 * <p>Every method but {@link #submit}, {@link #isPlaying}, {@link #start} and {@link #close}
 * belongs to the simulation thread: call them from a submitted action (or, with no thread
 * started, from the test driving the model synchronously).
 */
final class PacedLoop {

    /** What the loop drives. Called on the simulation thread only. */
    interface Model {
        /** The simulated time the model has reached. */
        double now();

        /** The simulated time the model stops at: the scenario's duration. */
        double end();

        /** Runs the model to simulated time {@code time}, at most {@link #end()}. */
        void runUntil(double time);

        /** Publishes the model's state now, for observers on other threads. */
        void publish();
    }

    /** A snapshot is published at most this often (seconds of wall time): 30 per second. */
    private static final double PUBLISH_INTERVAL = 1.0 / 30;
    /** Wall time one slice of simulation may take before the loop looks at commands again. */
    private static final double SLICE_WALL_SECONDS = 0.005;

    private final Model model;
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Object wakeUp = new Object();

    // Touched only by the simulation thread (or the test driving the model synchronously).
    private volatile boolean playing;
    private double speed = 1;
    private double pacedFromSimTime;
    private long pacedFromWallNanos;
    private double lastPublishWall = Double.NEGATIVE_INFINITY;
    private double simSecondsPerSlice = 0.01;

    private volatile boolean closed;

    PacedLoop(Model model) {
        this.model = model;
    }

    /** Starts the simulation thread; the model starts paused. */
    void start(String threadName) {
        Thread thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an action to run on the simulation thread at the model's current simulated time. */
    void submit(Runnable action) {
        inbox.add(action);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    void setPlaying(boolean play) {
        playing = play && model.now() < model.end();
        repace();
    }

    /** Stops playing and publishes where the model stopped, first, so that whoever sees it paused sees that too. */
    void pause() {
        model.publish();
        setPlaying(false);
    }

    /** Advances {@code seconds} of simulated time, paused. */
    void step(double seconds) {
        setPlaying(false);
        model.runUntil(Math.min(model.now() + seconds, model.end()));
        model.publish();
    }

    void setSpeed(double simSecondsPerWallSecond) {
        speed = simSecondsPerWallSecond;
        repace();
    }

    /** Forgets the pacing and publishing times, for a model that starts over, paused. */
    void restart() {
        playing = false;
        lastPublishWall = Double.NEGATIVE_INFINITY;
    }

    /** Applies the queued actions, then runs the model to {@code time} (at most its end) and publishes. */
    void advanceTo(double time) {
        drainInbox();
        double target = Math.min(time, model.end());
        if (target > model.now()) model.runUntil(target);
        model.publish();
    }

    /** Whether the model is playing (as last seen by the simulation thread). */
    boolean isPlaying() {
        return playing;
    }

    void close() {
        closed = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void repace() {
        pacedFromSimTime = model.now();
        pacedFromWallNanos = System.nanoTime();
    }

    private void loop() {
        while (!closed) {
            drainInbox();
            if (playing && model.now() < model.end()) {
                runSlice();
                publishAtMostEveryInterval();
                if (model.now() >= model.end()) playing = false;
            } else {
                publishAtMostEveryInterval();
                waitForWork(50);
            }
        }
    }

    /** Simulates one slice: up to the paced target time, or a few milliseconds of work flat out. */
    private void runSlice() {
        double target;
        if (speed == LiveRun.AS_FAST_AS_POSSIBLE) {
            target = model.now() + simSecondsPerSlice;
        } else {
            double wallElapsed = (System.nanoTime() - pacedFromWallNanos) / 1e9;
            target = Math.min(pacedFromSimTime + wallElapsed * speed, model.now() + simSecondsPerSlice);
            if (target <= model.now()) {
                waitForWork(2);
                return;
            }
        }
        target = Math.min(target, model.end());
        long before = System.nanoTime();
        model.runUntil(target);
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
        for (Runnable action = inbox.poll(); action != null; action = inbox.poll()) {
            try {
                action.run();
            } catch (IllegalArgumentException e) {
                // A stale command (a server removed meanwhile): the UI shows state, not errors.
            }
        }
    }

    private void publishAtMostEveryInterval() {
        double wall = System.nanoTime() / 1e9;
        if (wall - lastPublishWall >= PUBLISH_INTERVAL) {
            model.publish();
            lastPublishWall = wall;
        }
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
}
