package org.lbsim.theory;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Join the shortest queue over two identical exponential servers (one worker each): each
 * arrival joins the server holding fewer requests, either one on a tie. No closed form is
 * known; the mean comes exactly from the Markov chain of the two queue lengths.
 */
public final class JoinShortestQueue {

    /** Requests per queue the chain keeps: at loads below 0.95 what lies beyond is negligible. */
    static final int DEFAULT_TRUNCATION = 40;

    private JoinShortestQueue() {
    }

    /** The mean response time with arrivals at rate λ to the pair, service rate μ each; λ < 2μ. */
    public static double twoServerResponseTime(double lambda, double mu) {
        return twoServerResponseTime(lambda, mu, DEFAULT_TRUNCATION);
    }

    /**
     * The same, with the chain truncated at {@code max} requests per queue (an arrival that
     * would exceed it is lost). By symmetry a state is the unordered pair (a ≤ b). The stationary
     * distribution solves πQ = 0 with Σπ = 1, and Little's law gives the mean.
     */
    static double twoServerResponseTime(double lambda, double mu, int max) {
        if (!(lambda >= 0 && lambda < 2 * mu)) {
            throw new IllegalArgumentException("unstable: arrival rate " + lambda + " is not below 2μ = " + 2 * mu);
        }
        int states = (max + 1) * (max + 2) / 2;
        RealMatrix transposed = new Array2DRowRealMatrix(states, states);
        for (int a = 0; a <= max; a++) {
            for (int b = a; b <= max; b++) {
                int from = index(a, b);
                if (a + 1 <= max) move(transposed, from, index(Math.min(a + 1, b), Math.max(a + 1, b)), lambda);
                if (a > 0) move(transposed, from, index(a - 1, b), mu);
                if (b > 0) move(transposed, from, index(Math.min(a, b - 1), Math.max(a, b - 1)), mu);
            }
        }
        for (int j = 0; j < states; j++) transposed.setEntry(states - 1, j, 1); // Σπ = 1 replaces one balance equation
        double[] rhs = new double[states];
        rhs[states - 1] = 1;
        double[] pi = new LUDecomposition(transposed).getSolver().solve(new ArrayRealVector(rhs)).toArray();
        double inSystem = 0;
        double lost = 0;
        for (int a = 0; a <= max; a++) {
            for (int b = a; b <= max; b++) {
                inSystem += pi[index(a, b)] * (a + b);
                if (a == max) lost += pi[index(a, b)];
            }
        }
        return inSystem / (lambda * (1 - lost));
    }

    private static int index(int a, int b) {
        return b * (b + 1) / 2 + a;
    }

    /** Adds rate {@code rate} from one state to another to the transposed generator. */
    private static void move(RealMatrix transposed, int from, int to, double rate) {
        transposed.addToEntry(to, from, rate);
        transposed.addToEntry(from, from, -rate);
    }
}
