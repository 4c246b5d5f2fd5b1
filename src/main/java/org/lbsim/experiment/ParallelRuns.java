package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;

/**
 * Runs independent scenarios on a pool of threads and returns their results in the order of
 * the scenarios, so that what an experiment reports does not depend on the number of threads
 * or on which run finished first. Each run is wholly owned by one thread.
 */
final class ParallelRuns {

    private final Algorithms algorithms;
    private final int threads;
    private final Progress progress;

    ParallelRuns(Algorithms algorithms, int threads, Progress progress) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        this.algorithms = algorithms;
        this.threads = threads;
        this.progress = progress;
    }

    /** Told of each run as it ends, on the thread that ran it, with its index in the list of scenarios. */
    @FunctionalInterface
    interface Ended {
        void ended(int index, Runner.SampledRun run);
    }

    /** The runs, in the order of the scenarios. */
    List<Runner.SampledRun> run(List<Scenario> scenarios) {
        Runner.SampledRun[] results = new Runner.SampledRun[scenarios.size()];
        run(scenarios, (index, run) -> results[index] = run);
        return List.of(results);
    }

    /**
     * Every run, each told to {@code ended} as it ends; returns when all have.
     *
     * @throws org.lbsim.cluster.SystemFullException (or any other failure) of the first run, in
     *         order, that failed; the runs not yet started are cancelled
     */
    void run(List<Scenario> scenarios, Ended ended) {
        if (threads == 1 || scenarios.size() <= 1) {
            for (int i = 0; i < scenarios.size(); i++) runOne(i, scenarios.get(i), ended);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, scenarios.size()), task -> {
            Thread thread = new Thread(task, "lbsim-replication");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < scenarios.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> runOne(index, scenarios.get(index), ended)));
            }
            for (Future<?> future : futures) future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for replications", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run, sampled at the default interval for the warm-up check, counted once {@code ended} has it. */
    private void runOne(int index, Scenario scenario, Ended ended) {
        ended.ended(index, new Runner(algorithms).sampled(scenario, Runner.defaultInterval(scenario.duration())));
        progress.runEnded();
    }
}
