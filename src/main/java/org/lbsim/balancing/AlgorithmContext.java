package org.lbsim.balancing;

import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What an algorithm is built from: its own random stream and its parameters from the scenario.
 *
 * @param parameters the algorithm's keys under {@code balancer:}, as written (already checked
 *                   against {@link AlgorithmInfo#parameters()})
 */
public record AlgorithmContext(RandomGenerator random, Map<String, String> parameters) {
    public AlgorithmContext {
        parameters = Map.copyOf(parameters);
    }
}
