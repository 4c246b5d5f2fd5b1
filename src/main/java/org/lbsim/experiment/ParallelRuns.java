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

    /**
     * @throws org.lbsim.cluster.SystemFullException (or any other failure) of the first run, in
     *         order, that failed; the runs not yet started are cancelled
     */
    List<Runner.SampledRun> run(List<Scenario> scenarios) {
        if (threads == 1 || scenarios.size() == 1) {
            List<Runner.SampledRun> results = new ArrayList<>();
            for (Scenario scenario : scenarios) results.add(runOne(scenario));
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, scenarios.size()), task -> {
            Thread thread = new Thread(task, "lbsim-replication");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Runner.SampledRun>> futures = new ArrayList<>();
            for (Scenario scenario : scenarios) futures.add(pool.submit(() -> runOne(scenario)));
            List<Runner.SampledRun> results = new ArrayList<>();
            for (Future<Runner.SampledRun> future : futures) results.add(future.get());
            return results;
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

    /** One run, sampled at the default interval for the warm-up check. */
    private Runner.SampledRun runOne(Scenario scenario) {
        Runner.SampledRun run = new Runner(algorithms).sampled(scenario, Runner.defaultInterval(scenario.duration()));
        progress.runEnded();
        return run;
    }
}
