package org.lbsim.balancing;

import java.util.Map;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What an algorithm is built from: its own random stream, its parameters from the scenario, and
 * the simulated clock (for algorithms that age what they measured, such as {@code peak-ewma}).
 *
 * @param parameters the algorithm's keys under {@code balancer:}, as the scenario loader hands
 *                   them on: already checked, durations in seconds
 * @param clock      the simulated time in seconds; never the wall clock
 */
public record AlgorithmContext(UniformRandomProvider random, Map<String, String> parameters, DoubleSupplier clock) {

    public AlgorithmContext {
        parameters = Map.copyOf(parameters);
    }

    /** A context whose clock stands at 0, for algorithms that do not read it. */
    public AlgorithmContext(UniformRandomProvider random, Map<String, String> parameters) {
        this(random, parameters, () -> 0.0);
    }

    /** The parameter's value, or its default when the scenario does not set it. */
    double value(Parameter parameter) {
        String text = parameters.get(parameter.key());
        if (text == null) return parameter.defaultValue();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid(parameter, text);
        }
        if (!parameter.inRange().test(value) || parameter.kind() == Parameter.Kind.INTEGER && value != Math.rint(value)) {
            throw invalid(parameter, text);
        }
        return value;
    }

    private static IllegalArgumentException invalid(Parameter parameter, String text) {
        return new IllegalArgumentException(parameter.key() + ": found '" + text + "', expected " + parameter.range());
    }
}
