package org.lbsim.support;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.engine.RandomStreams;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.RunResult;

/**
 * Independent replications of a scenario and a Student-t interval for one metric: how the
 * theory tests get a tolerance justified by the run length rather than picked by hand.
 */
public final class Replications {

    private Replications() {
    }

    /** A metric's mean over replications and the 95% half-width. */
    public record Estimate(double mean, double halfWidth, double standardError) {
        /** How many standard errors the estimate lies from {@code expected}. */
        public double errorsFrom(double expected) {
            return Math.abs(mean - expected) / standardError;
        }
    }

    public static Estimate estimate(Scenario scenario, int replications, ToDoubleFunction<RunResult> metric) {
        Runner runner = new Runner(Algorithms.standard());
        SummaryStatistics statistics = new SummaryStatistics();
        for (int i = 0; i < replications; i++) {
            RunResult result = runner.run(scenario.withSeed(RandomStreams.replicationSeed(scenario.seed(), i)));
            statistics.addValue(metric.applyAsDouble(result));
        }
        double standardError = statistics.getStandardDeviation() / Math.sqrt(replications);
        double t = new TDistribution(replications - 1).inverseCumulativeProbability(0.975);
        return new Estimate(statistics.getMean(), t * standardError, standardError);
    }
}
