package org.lbsim.theory;

/**
 * Power of d choices over many identical exponential servers: each arrival samples d servers
 * and joins the one holding fewest. As the number of servers grows, the fraction of servers
 * holding at least i requests tends to ρ^((dⁱ − 1)/(d − 1)) (Mitzenmacher's supermarket model),
 * and a finite cluster's mean response time approaches the limit from above.
 */
public final class PowerOfD {

    private PowerOfD() {
    }

    /**
     * The mean-field mean response time Σ_{i≥1} ρ^((dⁱ − d)/(d − 1)) / μ, with ρ = λ/(nμ) the load
     * of each server; d = 1 is random assignment, an M/M/1 queue per server.
     */
    public static double meanFieldResponseTime(double rho, int d, double mu) {
        if (!(rho >= 0 && rho < 1) || d < 1) throw new IllegalArgumentException("need 0 ≤ ρ < 1 and d ≥ 1, got ρ=" + rho + ", d=" + d);
        if (d == 1) return 1 / (mu * (1 - rho));
        double sum = 0;
        for (int i = 1; ; i++) {
            double term = Math.pow(rho, (Math.pow(d, i) - d) / (d - 1));
            sum += term;
            if (term < 1e-15 * sum) return sum / mu;
        }
    }
}
