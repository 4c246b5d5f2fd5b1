package org.lbsim.support;

/**
 * Closed forms of classic queues, to check the simulator against. λ is the arrival rate, μ the
 * service rate of one worker, c the workers, K the most requests the system holds.
 */
public final class Queueing {

    private Queueing() {
    }

    /** M/M/1 mean response time 1/(μ−λ). */
    public static double mm1ResponseTime(double lambda, double mu) {
        return 1 / (mu - lambda);
    }

    /** Erlang C: the probability an arrival waits in M/M/c, offered load a = λ/μ. */
    public static double erlangC(int c, double a) {
        double rho = a / c;
        // Erlang B by its stable recursion, then C = B / (1 − ρ(1 − B)).
        double b = 1;
        for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
        return b / (1 - rho * (1 - b));
    }

    /** M/M/c mean response time: C(c, a)/(cμ − λ) + 1/μ. */
    public static double mmcResponseTime(int c, double lambda, double mu) {
        return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
    }

    /** M/M/c/K stationary probabilities p_0..p_K. */
    public static double[] mmckProbabilities(int c, int k, double lambda, double mu) {
        double[] p = new double[k + 1];
        p[0] = 1;
        for (int n = 1; n <= k; n++) p[n] = p[n - 1] * lambda / (Math.min(n, c) * mu);
        double sum = 0;
        for (double v : p) sum += v;
        for (int n = 0; n <= k; n++) p[n] /= sum;
        return p;
    }

    /** M/M/c/K blocking probability p_K (PASTA: an arrival sees the time-stationary state). */
    public static double mmckBlocking(int c, int k, double lambda, double mu) {
        return mmckProbabilities(c, k, lambda, mu)[k];
    }

    /** M/M/c/K mean response time of admitted requests, by Little's law: L / (λ(1 − p_K)). */
    public static double mmckResponseTime(int c, int k, double lambda, double mu) {
        double[] p = mmckProbabilities(c, k, lambda, mu);
        double l = 0;
        for (int n = 0; n <= k; n++) l += n * p[n];
        return l / (lambda * (1 - p[k]));
    }
}
