package org.lbsim.scenario;

import java.util.List;

/**
 * One population of clients: how often they send, how much work each request carries, where
 * they come from and what they aim at.
 *
 * @param target  {@link #BALANCER} or the name of a server (a direct attempt at an instance)
 * @param timeout seconds the client waits for an answer; {@code Double.POSITIVE_INFINITY} for none
 */
public record ClientSpec(
        String name,
        ArrivalSpec arrivals,
        DistributionSpec service,
        Protocol protocol,
        int port,
        List<Cidr> sources,
        String target,
        double timeout) {

    /** The target name that means "through the load balancer". */
    public static final String BALANCER = "balancer";

    public ClientSpec {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) throw new IllegalArgumentException("a client needs at least one source CIDR");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (!(timeout > 0)) throw new IllegalArgumentException("timeout must be positive");
    }

    public boolean targetsBalancer() {
        return BALANCER.equals(target);
    }
}
