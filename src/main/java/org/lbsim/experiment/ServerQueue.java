package org.lbsim.experiment;

import static org.lbsim.experiment.OfferedTraffic.plain;

import java.util.List;
import java.util.OptionalDouble;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.theory.Queues;

/**
 * One server fed by a Poisson stream, as the theory package solves it: c workers, a FIFO queue
 * of {@code queueCapacity}, service of work ÷ speed. M/M/1, M/M/c (Erlang C), M/M/c/K, the loss
 * system M/G/c/c (Erlang B, whatever the service law), M/D/1 and M/G/1 (Pollaczek–Khinchine).
 */
final class ServerQueue {

    private ServerQueue() {
    }

    /** The closed form of {@code server} at arrival rate {@code lambda}, or why there is none. */
    static ClosedForm solve(double lambda, ServerSpec server, OfferedTraffic traffic) {
        int c = server.workers();
        double service = traffic.meanWork() / server.speed();
        double mu = 1 / service;
        double a = lambda * service;
        String parameters = "λ = " + plain(lambda) + "/s, 1/μ = " + plain(service) + " s" + (c > 1 ? ", c = " + c : "");
        String law = traffic.workWords();
        if (server.queueCapacity() == 0) {
            double loss = Queues.erlangB(c, a);
            String kendall = (traffic.exponential() ? "M/M/" : "M/G/") + c + "/" + c;
            return prediction(kendall + " (Erlang B)", "loss B(c, a) = (aᶜ/c!) / Σₖ₌₀ᶜ aᵏ/k!, a = λ/μ, "
                    + "whatever the service law; an admitted request is served at once: W = 1/μ", parameters, service,
                    a * (1 - loss) / c, OptionalDouble.empty(), OptionalDouble.of(loss));
        }
        if (server.queueCapacity() != ServerSpec.UNLIMITED_QUEUE) {
            if (!traffic.exponential()) {
                return none("service times are " + law + " and the queue is finite (M/G/" + c + "/K has no closed form)");
            }
            int k = c + server.queueCapacity();
            double loss = Queues.mmckBlocking(c, k, lambda, mu);
            return prediction("M/M/" + c + "/" + k, "stationary pₙ ∝ Πᵢ₌₁ⁿ λ/(min(i, c)μ) for n ≤ K; loss p_K; "
                    + "W = L / (λ(1 − p_K)) by Little's law", parameters + ", K = " + k,
                    Queues.mmckResponseTime(c, k, lambda, mu), a * (1 - loss) / c, OptionalDouble.empty(),
                    OptionalDouble.of(loss));
        }
        if (a >= c) {
            return none("the offered load is " + plain(a / c) + " of the capacity: the queue grows without bound, "
                    + "so there is no steady state");
        }
        if (traffic.exponential()) {
            if (c == 1) {
                return prediction("M/M/1", "W = 1/(μ − λ)", parameters, Queues.mm1ResponseTime(lambda, mu), a,
                        OptionalDouble.of(a), OptionalDouble.empty());
            }
            return prediction("M/M/" + c + " (Erlang C)", "W = C(c, a)/(cμ − λ) + 1/μ, a = λ/μ", parameters,
                    Queues.mmcResponseTime(c, lambda, mu), a / c, OptionalDouble.of(Queues.erlangC(c, a)),
                    OptionalDouble.empty());
        }
        if (c > 1) return none("service times are " + law + " and a server has " + c + " workers (M/G/c has no closed form)");
        if (!Double.isFinite(traffic.workScv())) {
            return none("service times are " + law + " with an infinite variance (Pollaczek–Khinchine needs a finite one)");
        }
        String kendall = traffic.constant() ? "M/D/1" : "M/G/1";
        return prediction(kendall + " (Pollaczek–Khinchine)", "W = 1/μ + ρ(1 + cv²)/(2(1 − ρ)) · 1/μ", parameters
                + ", cv² = " + plain(traffic.workScv()), Queues.mg1ResponseTime(lambda, service, Math.sqrt(traffic.workScv())),
                a, OptionalDouble.of(a), OptionalDouble.empty());
    }

    private static ClosedForm prediction(String model, String formula, String parameters, double responseTime,
                                         double utilization, OptionalDouble waiting, OptionalDouble loss) {
        return new ClosedForm.Prediction(model, formula, parameters, responseTime, utilization, waiting, loss, true, List.of());
    }

    private static ClosedForm none(String reason) {
        return new ClosedForm.NoClosedForm(List.of(reason));
    }
}
