package org.lbsim.theory;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Markovian queues in equilibrium: Poisson arrivals at rate λ, exponential service at rate μ per
 * worker, c workers, at most K requests in the system where the queue is finite. Times are mean
 * response times (waiting plus service), in seconds.
 */
public final class Queues {

    private Queues() {
    }

    /** M/M/1: 1/(μ − λ); requires λ < μ. */
    public static double mm1ResponseTime(double lambda, double mu) {
        requireStable(lambda, mu);
        return 1 / (mu - lambda);
    }

    /**
     * Erlang's loss formula: the probability that an arrival finds all c servers busy and no room
     * to wait (M/M/c/c), offered load a = λ/μ. By the recursion B(k) = aB(k−1) / (k + aB(k−1)),
     * which stays accurate for thousands of servers where the factorials would overflow.
     */
    public static double erlangB(int c, double a) {
        if (c < 0 || !(a >= 0)) throw new IllegalArgumentException("need c ≥ 0 and a ≥ 0, got c=" + c + ", a=" + a);
        double b = 1;
        for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
        return b;
    }

    /** Erlang C: the probability that an arrival waits in M/M/c, offered load a = λ/μ < c. */
    public static double erlangC(int c, double a) {
        if (!(a < c)) throw new IllegalArgumentException("M/M/c needs a = λ/μ < c, got a=" + a + ", c=" + c);
        double b = erlangB(c, a);
        return b / (1 - a / c * (1 - b));
    }

    /** M/M/c: C(c, a)/(cμ − λ) + 1/μ. */
    public static double mmcResponseTime(int c, double lambda, double mu) {
        return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
    }

    /** M/M/c/K: the stationary probabilities p_0..p_K of holding n requests. */
    public static double[] mmckProbabilities(int c, int k, double lambda, double mu) {
        if (c < 1 || k < c) throw new IllegalArgumentException("M/M/c/K needs 1 ≤ c ≤ K, got c=" + c + ", K=" + k);
        double[] p = new double[k + 1];
        p[0] = 1;
        double sum = 1;
        for (int n = 1; n <= k; n++) {
            p[n] = p[n - 1] * lambda / (Math.min(n, c) * mu);
            sum += p[n];
        }
        for (int n = 0; n <= k; n++) p[n] /= sum;
        return p;
    }

    /** M/M/c/K: the probability that an arrival is turned away, p_K (arrivals see time averages). */
    public static double mmckBlocking(int c, int k, double lambda, double mu) {
        return mmckProbabilities(c, k, lambda, mu)[k];
    }

    /** M/M/c/K: the mean response time of admitted requests, by Little's law L / (λ(1 − p_K)). */
    public static double mmckResponseTime(int c, int k, double lambda, double mu) {
        double[] p = mmckProbabilities(c, k, lambda, mu);
        double held = 0;
        for (int n = 0; n <= k; n++) held += n * p[n];
        return held / (lambda * (1 - p[k]));
    }

    /**
     * M/G/1 by Pollaczek–Khinchine: the service mean plus ρ(1 + cv²)/(2(1 − ρ)) times it, where
     * ρ = λ·mean and cv is the service time's coefficient of variation (0 for M/D/1, 1 for M/M/1).
     */
    public static double mg1ResponseTime(double lambda, double serviceMean, double serviceCv) {
        double rho = lambda * serviceMean;
        requireStable(rho, 1);
        return serviceMean + rho * (1 + serviceCv * serviceCv) / (2 * (1 - rho)) * serviceMean;
    }

    /**
     * E_k/M/1: interarrival times Erlang-k of mean 1/λ (every k-th arrival of a Poisson stream of
     * rate kλ, as round robin over k servers gives each), exponential service at rate μ. A GI/M/1
     * queue: an arrival finds the server busy with probability σ, the root in (0, 1) of
     * σ = A*(μ(1 − σ)) with A*(s) = (kλ/(kλ + s))^k, and the mean response time is 1/(μ(1 − σ)).
     */
    public static double ekM1ResponseTime(int k, double lambda, double mu) {
        return 1 / (mu * (1 - ekM1WaitingProbability(k, lambda, mu)));
    }

    /** E_k/M/1: the probability σ that an arrival waits (see {@link #ekM1ResponseTime}). */
    public static double ekM1WaitingProbability(int k, double lambda, double mu) {
        if (k < 1) throw new IllegalArgumentException("E_k/M/1 needs k ≥ 1, got " + k);
        requireStable(lambda, mu);
        if (lambda == 0) return 0;
        double phaseRate = k * lambda;
        DoubleUnaryOperator gap = sigma -> Math.pow(phaseRate / (phaseRate + mu * (1 - sigma)), k) - sigma;
        // The gap is positive at 0 and negative just below the trivial root σ = 1 when λ < μ
        // (its slope there is μ/λ − 1 > 0): shrink the step back from 1 until it is.
        double upper = 0.5;
        for (double step = 0.5; gap.applyAsDouble(upper) >= 0; step /= 2) {
            if (step < 1e-15) throw new IllegalArgumentException("E_k/M/1 too close to saturation to solve: λ=" + lambda + ", μ=" + mu);
            upper = 1 - step / 2;
        }
        return new BrentSolver(1e-15).solve(200, gap::applyAsDouble, 0, upper);
    }

    private static void requireStable(double lambda, double mu) {
        if (!(lambda >= 0 && lambda < mu)) {
            throw new IllegalArgumentException("the queue is unstable: arrival rate " + lambda + " is not below service rate " + mu);
        }
    }
}
