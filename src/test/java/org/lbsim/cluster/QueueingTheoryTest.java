package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.support.Replications;
import org.lbsim.support.Replications.Estimate;
import org.lbsim.theory.Queues;

/**
 * The model against closed forms. Each check runs independent replications and asserts that
 * the theoretical value lies within 4 standard errors of the estimate (a false alarm about
 * once in 16,000 for a correct model) and that the estimate is precise enough for the check to
 * mean something (relative half-width under a few percent), so a wrong model cannot pass by a
 * wide interval.
 */
class QueueingTheoryTest {

    private static final double MAX_STANDARD_ERRORS = 4;

    @Test
    void random_overTwoSingleWorkerServers_behavesAsTwoMM1QueuesAtHalfTheRate() {
        double lambda = 1.4;
        double mu = 1.0; // each server sees λ/2 = 0.7: ρ = 0.7
        var scenario = scenario().algorithm("random").duration(20_000, 1_000)
                .poissonClient("users", lambda, 1 / mu)
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE)
                .server("b", 1, ServerSpec.UNLIMITED_QUEUE)
                .build();
        Estimate estimate = Replications.estimate(scenario, 10, r -> r.latency().mean());
        double expected = Queues.mm1ResponseTime(lambda / 2, mu);
        assertThat(estimate.errorsFrom(expected)).isLessThan(MAX_STANDARD_ERRORS);
        assertThat(estimate.halfWidth() / expected).isLessThan(0.04);
    }

    @Test
    void oneServerWithThreeWorkers_matchesErlangC() {
        int c = 3;
        double mu = 1.0;
        double lambda = 2.4; // ρ = 0.8
        var scenario = scenario().duration(20_000, 1_000)
                .poissonClient("users", lambda, 1 / mu)
                .server("only", c, ServerSpec.UNLIMITED_QUEUE)
                .build();
        Estimate estimate = Replications.estimate(scenario, 10, r -> r.latency().mean());
        double expected = Queues.mmcResponseTime(c, lambda, mu);
        assertThat(estimate.errorsFrom(expected)).isLessThan(MAX_STANDARD_ERRORS);
        assertThat(estimate.halfWidth() / expected).isLessThan(0.04);
    }

    @Test
    void finiteQueue_matchesMMcKBlockingAndResponseTime() {
        int c = 2;
        int queueCapacity = 3;
        int k = c + queueCapacity;
        double mu = 1.0;
        double lambda = 2.0; // ρ = 1: heavy blocking
        var scenario = scenario().duration(20_000, 1_000)
                .poissonClient("users", lambda, 1 / mu)
                .server("only", c, queueCapacity)
                .build();
        Estimate blocking = Replications.estimate(scenario, 10,
                r -> (double) r.requests().rejected() / r.requests().offered());
        Estimate response = Replications.estimate(scenario, 10, r -> r.latency().mean());
        double expectedBlocking = Queues.mmckBlocking(c, k, lambda, mu);
        double expectedResponse = Queues.mmckResponseTime(c, k, lambda, mu);
        assertThat(blocking.errorsFrom(expectedBlocking)).isLessThan(MAX_STANDARD_ERRORS);
        assertThat(blocking.halfWidth() / expectedBlocking).isLessThan(0.03);
        assertThat(response.errorsFrom(expectedResponse)).isLessThan(MAX_STANDARD_ERRORS);
        assertThat(response.halfWidth() / expectedResponse).isLessThan(0.03);
    }
}
