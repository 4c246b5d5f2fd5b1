package org.lbsim.balancing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.support.Replications;
import org.lbsim.support.Replications.Estimate;
import org.lbsim.support.TestScenarios;
import org.lbsim.theory.JoinShortestQueue;
import org.lbsim.theory.PowerOfD;

/**
 * The algorithms in the whole model against queueing theory, in the style of
 * {@code QueueingTheoryTest}: replications, the theoretical value within 4 standard errors of the
 * estimate, and a relative half-width small enough for the check to have power.
 */
class BalancingTheoryTest {

    private static final double MAX_STANDARD_ERRORS = 4;

    private static TestScenarios singleWorkerServers(TestScenarios builder, int n) {
        for (int i = 0; i < n; i++) builder.server("s" + i, 1, ServerSpec.UNLIMITED_QUEUE);
        return builder;
    }

    /**
     * Round robin over two servers gives each every other arrival of a Poisson stream of rate λ:
     * Erlang-2 interarrivals of rate λ/2, a GI/M/1 queue. With A*(s) = (λ/(λ+s))², σ solves
     * σ = A*(μ(1−σ)) and the mean response time is 1/(μ(1−σ)).
     */
    @Test
    void roundRobin_overTwoServers_isTheE2M1Queue() {
        double lambda = 1.6;
        double mu = 1.0;
        var scenario = singleWorkerServers(scenario().algorithm("round-robin").duration(20_000, 1_000)
                .poissonClient("users", lambda, 1 / mu), 2).build();
        double sigma = 0.5;
        for (int i = 0; i < 10_000; i++) sigma = Math.pow(lambda / (lambda + mu * (1 - sigma)), 2);
        double expected = 1 / (mu * (1 - sigma));
        Estimate estimate = Replications.estimate(scenario, 10, r -> r.latency().mean());
        assertThat(estimate.errorsFrom(expected)).isLessThan(MAX_STANDARD_ERRORS);
        assertThat(estimate.halfWidth() / expected).isLessThan(0.04);
        // And it beats two independent M/M/1 queues (random), whose mean is 1/(μ − λ/2) = 5.
        assertThat(expected).isLessThan(1 / (mu - lambda / 2) * 0.8);
    }

    /** Least connections over two single-worker exponential servers is join-the-shortest-queue. */
    @Test
    void leastConnections_overTwoServers_isJoinTheShortestQueue() {
        double lambda = 1.6;
        double mu = 1.0;
        var scenario = singleWorkerServers(scenario().algorithm("least-connections").duration(20_000, 1_000)
                .poissonClient("users", lambda, 1 / mu), 2).build();
        double expected = JoinShortestQueue.twoServerResponseTime(lambda, mu);
        Estimate estimate = Replications.estimate(scenario, 10, r -> r.latency().mean());
        assertThat(estimate.errorsFrom(expected)).isLessThan(MAX_STANDARD_ERRORS);
        assertThat(estimate.halfWidth() / expected).isLessThan(0.04);
    }

    /**
     * Power of d choices against Mitzenmacher's supermarket model: as n grows, the mean response
     * time at load λ tends to Σ_{i≥1} λ^((dⁱ−d)/(d−1)) (service rate 1), from above.
     */
    @Test
    void powerOfD_approachesTheSupermarketModelFromAbove() {
        double lambda = 0.9;
        int d = 2;
        double meanField = PowerOfD.meanFieldResponseTime(lambda, d, 1);
        Estimate small = powerOfD(8, lambda, d);
        Estimate large = powerOfD(128, lambda, d);
        assertThat(small.mean() - meanField).isGreaterThan(MAX_STANDARD_ERRORS * small.standardError());
        assertThat(large.mean() - meanField).isGreaterThan(-MAX_STANDARD_ERRORS * large.standardError());
        assertThat(large.mean() - meanField).isLessThan((small.mean() - meanField) / 2);
        assertThat(large.mean() / meanField).isLessThan(1.05);
        assertThat(large.halfWidth() / meanField).isLessThan(0.02);
    }

    private static Estimate powerOfD(int n, double lambda, int d) {
        double duration = 4_000_000.0 / (n * lambda) / 8; // about 500,000 requests per replication
        var scenario = singleWorkerServers(scenario().algorithm("power-of-d", Map.of("choices", Integer.toString(d)))
                .duration(duration, duration / 20).poissonClient("users", lambda * n, 1.0), n).build();
        return Replications.estimate(scenario, 6, r -> r.latency().mean());
    }

    /** Utilization reported every 10 s sends whole herds to the backend that looked free; every 0.1 s, much less. */
    @Test
    void leastUtilization_withStaleReports_suffersTheHerdEffect() {
        Estimate stale = leastUtilization("10.0");
        Estimate fresh = leastUtilization("0.1");
        assertThat(stale.mean() - fresh.mean()).isGreaterThan(MAX_STANDARD_ERRORS * Math.hypot(stale.standardError(), fresh.standardError()));
        assertThat(stale.mean()).isGreaterThan(2 * fresh.mean());
    }

    private static Estimate leastUtilization(String reportInterval) {
        var scenario = singleWorkerServers(scenario().algorithm("least-utilization", Map.of("reportInterval", reportInterval))
                .duration(5_000, 500).poissonClient("users", 0.6 * 8 / 0.1, 0.1), 8).build();
        return Replications.estimate(scenario, 5, r -> r.latency().mean());
    }

    /** At high load, join-idle-queue's idle servers beat blind random choice (Lu et al., fig. 3). */
    @Test
    void joinIdleQueue_beatsRandomAtHighLoad() {
        Estimate jiq = atHighLoad("join-idle-queue");
        Estimate random = atHighLoad("random");
        assertThat(random.mean() - jiq.mean()).isGreaterThan(MAX_STANDARD_ERRORS * Math.hypot(jiq.standardError(), random.standardError()));
        assertThat(jiq.mean()).isLessThan(0.6 * random.mean());
    }

    private static Estimate atHighLoad(String algorithm) {
        var scenario = singleWorkerServers(scenario().algorithm(algorithm).duration(5_000, 500)
                .poissonClient("users", 0.9 * 20, 1.0), 20).build();
        return Replications.estimate(scenario, 5, r -> r.latency().mean());
    }
}
