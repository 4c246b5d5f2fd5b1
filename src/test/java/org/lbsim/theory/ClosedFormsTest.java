package org.lbsim.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The closed forms against values worked by hand or published, and against each other where
 * one queue is a special case of another. (The simulator is held against them in the cluster
 * and balancing tests.)
 */
class ClosedFormsTest {

    private static final double EXACT = 1e-12;

    @Test
    void mm1() {
        assertThat(Queues.mm1ResponseTime(0.5, 1)).isCloseTo(2, within(EXACT));
        assertThat(Queues.mm1ResponseTime(900, 1000)).isCloseTo(0.01, within(EXACT));
        assertThatThrownBy(() -> Queues.mm1ResponseTime(1, 1)).hasMessageContaining("unstable");
    }

    @Test
    void erlangBAndC() {
        // B(1, a) = a/(1 + a); B(2, 1) = (1/2)/(1 + 1 + 1/2); C(2, 1) = B/(1 − ρ(1 − B)) = 0.2/0.6.
        assertThat(Queues.erlangB(1, 1)).isCloseTo(0.5, within(EXACT));
        assertThat(Queues.erlangB(2, 1)).isCloseTo(0.2, within(EXACT));
        assertThat(Queues.erlangC(2, 1)).isCloseTo(1.0 / 3, within(EXACT));
        // Thousands of servers: the recursion neither overflows nor loses the answer.
        assertThat(Queues.erlangB(5000, 4800)).isBetween(0.0, 0.05);
        assertThatThrownBy(() -> Queues.erlangC(2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mmcWithOneWorkerIsMm1() {
        assertThat(Queues.mmcResponseTime(1, 0.7, 1)).isCloseTo(Queues.mm1ResponseTime(0.7, 1), within(EXACT));
        // More workers at the same load per worker wait less.
        assertThat(Queues.mmcResponseTime(4, 2.8, 1)).isLessThan(Queues.mm1ResponseTime(0.7, 1));
    }

    @Test
    void mmckBlockingIsErlangBWithoutAQueueAndTendsToMmcWithALongOne() {
        assertThat(Queues.mmckBlocking(3, 3, 2, 1)).isCloseTo(Queues.erlangB(3, 2), within(EXACT));
        assertThat(Queues.mmckResponseTime(2, 400, 1.5, 1)).isCloseTo(Queues.mmcResponseTime(2, 1.5, 1), within(1e-9));
        double[] p = Queues.mmckProbabilities(2, 10, 3, 1);
        double total = 0;
        for (double v : p) total += v;
        assertThat(total).isCloseTo(1, within(EXACT));
    }

    @Test
    void pollaczekKhinchine() {
        // cv 1 is M/M/1; cv 0 is M/D/1: 1/μ + ρ/(2μ(1 − ρ)) = 1 + 0.5/1 at ρ = 0.5, μ = 1.
        assertThat(Queues.mg1ResponseTime(0.5, 1, 1)).isCloseTo(Queues.mm1ResponseTime(0.5, 1), within(EXACT));
        assertThat(Queues.mg1ResponseTime(0.5, 1, 0)).isCloseTo(1.5, within(EXACT));
    }

    @Test
    void joinTheShortestQueueLiesBetweenOneSharedQueueAndARandomSplit() {
        double lambda = 1.6;
        double mu = 1;
        double jsq = JoinShortestQueue.twoServerResponseTime(lambda, mu);
        assertThat(jsq).isGreaterThan(Queues.mmcResponseTime(2, lambda, mu));
        assertThat(jsq).isLessThan(Queues.mm1ResponseTime(lambda / 2, mu));
        // The truncation is harmless: a smaller one already agrees to 1e-4 of the value.
        assertThat(JoinShortestQueue.twoServerResponseTime(lambda, mu, 30)).isCloseTo(jsq, within(1e-4 * jsq));
        // Nearly idle, a request never waits.
        assertThat(JoinShortestQueue.twoServerResponseTime(0.001, mu)).isCloseTo(1, within(1e-3));
    }

    @Test
    void powerOfDMatchesTheSupermarketModel() {
        // Mitzenmacher's mean-field values for d = 2 at λ = 0.9 and 0.99 (service rate 1).
        assertThat(PowerOfD.meanFieldResponseTime(0.9, 2, 1)).isCloseTo(2.6141, within(1e-4));
        assertThat(PowerOfD.meanFieldResponseTime(0.99, 2, 1)).isCloseTo(5.4320, within(1e-4));
        assertThat(PowerOfD.meanFieldResponseTime(0.9, 1, 1)).isCloseTo(Queues.mm1ResponseTime(0.9, 1), within(EXACT));
        assertThat(PowerOfD.meanFieldResponseTime(0.9, 3, 1)).isLessThan(PowerOfD.meanFieldResponseTime(0.9, 2, 1));
        assertThat(PowerOfD.meanFieldResponseTime(0.9, 2, 10)).isCloseTo(0.26141, within(1e-5));
    }

    @Test
    void erlangArrivalsToOneExponentialServer() {
        // One phase is M/M/1 (σ = ρ). Two phases at λ = 0.8, μ = 1: σ = (1.6/(2.6 − σ))², a cubic
        // (σ − 1)(σ² − 4.2σ + 2.56) = 0 whose root in (0, 1) is (4.2 − √7.4)/2.
        assertThat(Queues.ekM1WaitingProbability(1, 0.7, 1)).isCloseTo(0.7, within(1e-12));
        assertThat(Queues.ekM1ResponseTime(1, 0.7, 1)).isCloseTo(Queues.mm1ResponseTime(0.7, 1), within(1e-9));
        double sigma = (4.2 - Math.sqrt(7.4)) / 2;
        assertThat(Queues.ekM1WaitingProbability(2, 0.8, 1)).isCloseTo(sigma, within(1e-12));
        assertThat(Queues.ekM1ResponseTime(2, 0.8, 1)).isCloseTo(1 / (1 - sigma), within(1e-9));
        // Regular arrivals wait less than Poisson ones, and more phases are more regular.
        assertThat(Queues.ekM1ResponseTime(2, 0.8, 1)).isLessThan(Queues.mm1ResponseTime(0.8, 1));
        assertThat(Queues.ekM1ResponseTime(8, 0.8, 1)).isLessThan(Queues.ekM1ResponseTime(2, 0.8, 1));
        assertThat(Queues.ekM1ResponseTime(2, 0.999, 1)).isGreaterThan(100);
        assertThatThrownBy(() -> Queues.ekM1ResponseTime(2, 1, 1)).hasMessageContaining("unstable");
    }
}
