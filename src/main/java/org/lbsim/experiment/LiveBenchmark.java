package org.lbsim.experiment;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;

/**
 * The live mode's promise, measured without a window: a {@link LiveRun} playing "as fast as
 * possible" on the reference workload, how many simulated requests it completes per second of
 * wall time, and how long an action sent from another thread (what a click does) waits before
 * the simulation thread applies it.
 */
public final class LiveBenchmark {

    /** One measurement; action delays in milliseconds. */
    public record Measurement(double requestsPerSecond, double medianActionMillis, double p99ActionMillis,
                              double maxActionMillis, int actions) {
    }

    private final Algorithms algorithms;

    public LiveBenchmark(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /**
     * Plays for {@code seconds} of wall time (after one second of warm-up), sending an action
     * every 20 ms from this thread and timing how long each waits.
     */
    public Measurement measure(int backends, double seconds) throws InterruptedException {
        Scenario scenario = Benchmark.workload("least-connections", backends, 10_000_000_000L);
        try (LiveRun run = new LiveRun(scenario, algorithms)) {
            run.start();
            run.setSpeed(LiveRun.AS_FAST_AS_POSSIBLE);
            run.play();
            Thread.sleep(1000);
            long completedBefore = run.latest().totals().completed();
            long started = System.nanoTime();
            int actions = (int) (seconds * 50);
            double[] delays = new double[actions];
            for (int i = 0; i < actions; i++) {
                CountDownLatch applied = new CountDownLatch(1);
                long sent = System.nanoTime();
                long[] appliedAt = new long[1];
                run.submit(live -> {
                    appliedAt[0] = System.nanoTime();
                    applied.countDown();
                });
                if (!applied.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("an action waited over 10 s");
                delays[i] = (appliedAt[0] - sent) / 1e6;
                Thread.sleep(20);
            }
            double wall = (System.nanoTime() - started) / 1e9;
            long completed = run.latest().totals().completed() - completedBefore;
            Arrays.sort(delays);
            return new Measurement(completed / wall, delays[actions / 2], delays[(int) (actions * 0.99)],
                    delays[actions - 1], actions);
        }
    }
}
