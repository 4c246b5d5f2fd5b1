package org.lbsim.balancing;

import java.util.List;
import java.util.function.Function;

/**
 * A registry entry: an algorithm's stable name, what it does in one line, the parameters it
 * accepts under {@code balancer:}, and how to build one.
 */
public record AlgorithmInfo(
        String name,
        String description,
        List<Parameter> parameters,
        Function<AlgorithmContext, BalancingAlgorithm> factory) {

    public AlgorithmInfo {
        parameters = List.copyOf(parameters);
    }

    public BalancingAlgorithm create(AlgorithmContext context) {
        return factory.apply(context);
    }
}
