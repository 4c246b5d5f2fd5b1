package org.lbsim.cluster.spec;

import java.util.List;
import java.util.Map;

/**
 * The load balancer.
 *
 * @param algorithmParameters parameters of the algorithm under {@code balancer:}, by key (for
 *                            example {@code choices} of {@code power-of-d}), as the loader's
 *                            parameter rules hand them on (durations in seconds)
 */
public record BalancerSpec(
        String securityGroup,
        List<Integer> listeners,
        String algorithm,
        Map<String, String> algorithmParameters,
        HealthCheckSpec healthCheck,
        BalancerPolicies policies) {

    public BalancerSpec {
        listeners = List.copyOf(listeners);
        algorithmParameters = Map.copyOf(algorithmParameters);
        if (policies == null) throw new IllegalArgumentException("policies are required (BalancerPolicies.DEFAULTS)");
    }

    /** A balancer with the default policies (no retries, no outlier detection, AWS delays). */
    public BalancerSpec(String securityGroup, List<Integer> listeners, String algorithm,
                        Map<String, String> algorithmParameters, HealthCheckSpec healthCheck) {
        this(securityGroup, listeners, algorithm, algorithmParameters, healthCheck, BalancerPolicies.DEFAULTS);
    }

    /**
     * A copy with another algorithm. The parameters stay: each algorithm reads only the keys it
     * declares, so {@code choices} reaches {@code power-of-d} and nothing else.
     */
    public BalancerSpec withAlgorithm(String newAlgorithm) {
        return new BalancerSpec(securityGroup, listeners, newAlgorithm, algorithmParameters, healthCheck, policies);
    }
}
