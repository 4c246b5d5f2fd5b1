package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.Replicated;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.ServerResult;

/**
 * A scenario's closed form beside what lbsim measures over independent replications: each
 * quantity the form predicts, its 95% interval, and how far apart the two are.
 *
 * @param form       the prediction, or why there is none
 * @param measured   the replications, as {@code lbsim run --replications} makes them
 * @param quantities the mean response time, the utilization and, where the servers can turn
 *                   requests away, the loss probability: measured, and predicted when a form applies
 */
public record TheoryComparison(Scenario scenario, ClosedForm form, Replicated measured, List<Quantity> quantities) {

    /**
     * One quantity, predicted and measured.
     *
     * @param reference the closed form's value; NaN when none applies
     * @param unit      "s" for times, "" for fractions
     */
    public record Quantity(String name, String unit, double reference, Estimate measured) {

        /** (measured − reference) ÷ reference; NaN without a reference. */
        public double relativeError() {
            return (measured.mean() - reference) / reference;
        }

        /** Whether the reference lies within the measured 95% interval. */
        public boolean withinInterval() {
            return Math.abs(measured.mean() - reference) <= measured.halfWidth95();
        }

        public boolean hasReference() {
            return !Double.isNaN(reference);
        }
    }

    public TheoryComparison {
        quantities = List.copyOf(quantities);
    }

    /** Replicates the scenario with the experiments' machinery and sets its measurement beside its closed form. */
    public static TheoryComparison of(Scenario scenario, int replications, Experiments experiments) {
        ClosedForm form = ClosedFormCheck.of(scenario);
        Replicated measured = experiments.replicate(scenario, replications);
        OptionalDouble responseTime = OptionalDouble.empty();
        OptionalDouble utilization = OptionalDouble.empty();
        OptionalDouble loss = OptionalDouble.empty();
        if (form instanceof ClosedForm.Prediction p) {
            responseTime = OptionalDouble.of(p.responseTime());
            utilization = OptionalDouble.of(p.utilization());
            loss = p.lossProbability();
        }
        List<Quantity> quantities = new ArrayList<>();
        quantities.add(quantity("mean response time", "s", responseTime, measured, r -> r.latency().mean()));
        quantities.add(quantity("utilization", "", utilization, measured, r -> busyFraction(scenario, r)));
        boolean canLose = scenario.servers().stream().anyMatch(s -> s.queueCapacity() != ServerSpec.UNLIMITED_QUEUE);
        if (loss.isPresent() || canLose) {
            quantities.add(quantity("loss probability", "", loss, measured, TheoryComparison::lossFraction));
        }
        return new TheoryComparison(scenario, form, measured, quantities);
    }

    private static Quantity quantity(String name, String unit, OptionalDouble reference, Replicated measured,
                                     ToDoubleFunction<RunResult> metric) {
        double[] values = measured.runs().stream().mapToDouble(metric).toArray();
        return new Quantity(name, unit, reference.orElse(Double.NaN), Estimate.of(values));
    }

    /** Busy workers over all workers, time-averaged: each server's utilization weighted by its workers. */
    private static double busyFraction(Scenario scenario, RunResult result) {
        Map<String, Integer> workers = new HashMap<>();
        for (ServerSpec server : scenario.servers()) workers.put(server.name(), server.workers());
        double busy = 0;
        double total = 0;
        for (ServerResult server : result.servers()) {
            int c = workers.getOrDefault(server.name(), 1);
            busy += server.utilization() * c;
            total += c;
        }
        return busy / total;
    }

    /** Requests turned away among those the security groups let in. */
    private static double lossFraction(RunResult result) {
        var requests = result.requests();
        return (double) requests.rejected() / (requests.offered() - requests.denied());
    }
}
