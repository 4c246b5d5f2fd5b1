package org.lbsim.experiment;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What queueing theory says about a scenario's steady state: a {@link Prediction} when the
 * scenario is, as lbsim models it, a queue with a known solution, or {@link NoClosedForm} with
 * every assumption that does not hold. {@link ClosedFormCheck} decides which.
 */
public sealed interface ClosedForm {

    /**
     * The queue the scenario is and what its solution predicts.
     *
     * @param model               the queue in Kendall's notation and its solver, e.g. "M/M/2 (Erlang C)"
     * @param formula             the reference formula in words
     * @param parameters          the values put into it, e.g. "λ = 1.6/s, μ = 1/s, c = 2"
     * @param responseTime        the mean response time of answered requests, in seconds
     * @param utilization         the time-average fraction of busy workers, over all servers
     * @param waitingProbability  the probability that an admitted request waits, where the form gives it
     * @param lossProbability     the probability that a request is turned away (a full queue), where it can be
     * @param exact               false for a limit that a finite cluster only approaches (mean field)
     * @param notes               what a reader should know: approximations, streams merged or thinned
     */
    record Prediction(String model, String formula, String parameters, double responseTime, double utilization,
                      OptionalDouble waitingProbability, OptionalDouble lossProbability, boolean exact,
                      List<String> notes) implements ClosedForm {
        public Prediction {
            notes = List.copyOf(notes);
        }
    }

    /** No closed form applies: each reason is an assumption that fails, in plain words. */
    record NoClosedForm(List<String> reasons) implements ClosedForm {
        public NoClosedForm {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) throw new IllegalArgumentException("say why no closed form applies");
        }
    }
}
