package org.lbsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The load balancer.
 *
 * @param algorithmParameters parameters of the algorithm under {@code balancer:}, by key (for
 *                            example {@code choices} of {@code power-of-d}), as the loader's
 *                            {@link ParameterRule}s hand them on (durations in seconds)
 */
public record BalancerSpec(
        String securityGroup,
        List<Integer> listeners,
        String algorithm,
        Map<String, String> algorithmParameters,
        HealthCheckSpec healthCheck) {

    public BalancerSpec {
        listeners = List.copyOf(listeners);
        algorithmParameters = Map.copyOf(algorithmParameters);
    }

    public BalancerSpec withAlgorithm(String newAlgorithm) {
        return new BalancerSpec(securityGroup, listeners, newAlgorithm, Map.of(), healthCheck);
    }
}
