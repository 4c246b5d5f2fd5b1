package org.lbsim.cluster.spec;

import java.util.List;

/**
 * One population of clients: how often they send, how much work each request carries, where
 * they come from and what they aim at.
 *
 * @param service the work per request; null when {@code mix} gives each class its own, or
 *                when a replayed trace logs each request's time
 * @param mix     the request classes the client sends, by weight; empty for one kind of request
 * @param target  {@link #BALANCER} or the name of a server (a direct attempt at an instance)
 * @param timeout seconds the client waits for an answer; {@code Double.POSITIVE_INFINITY} for none
 */
public record ClientSpec(
        String name,
        ArrivalSpec arrivals,
        DistributionSpec service,
        List<RequestClassSpec> mix,
        Protocol protocol,
        int port,
        List<Cidr> sources,
        String target,
        double timeout) {

    /** The target name that means "through the load balancer". */
    public static final String BALANCER = "balancer";

    public ClientSpec {
        sources = List.copyOf(sources);
        mix = List.copyOf(mix);
        if (service == null && mix.isEmpty() && !(arrivals instanceof ArrivalSpec.Trace)) {
            throw new IllegalArgumentException("a client needs a service or a mix");
        }
        if (service != null && !mix.isEmpty()) throw new IllegalArgumentException("a client has a service or a mix, not both");
        if (mix.stream().map(RequestClassSpec::name).distinct().count() < mix.size()) {
            throw new IllegalArgumentException("a mix names each class once");
        }
        if (sources.isEmpty()) throw new IllegalArgumentException("a client needs at least one source CIDR");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (!(timeout > 0)) throw new IllegalArgumentException("timeout must be positive");
    }

    /** A client of one kind of request. */
    public ClientSpec(String name, ArrivalSpec arrivals, DistributionSpec service, Protocol protocol, int port,
                      List<Cidr> sources, String target, double timeout) {
        this(name, arrivals, service, List.of(), protocol, port, sources, target, timeout);
    }

    /** A copy that arrives otherwise (a trace's speedup or strictness from the command line). */
    public ClientSpec withArrivals(ArrivalSpec newArrivals) {
        return new ClientSpec(name, newArrivals, service, mix, protocol, port, sources, target, timeout);
    }

    /** The mean work per request over the mix, in seconds at speed 1.0; NaN when a trace gives it. */
    public double meanService() {
        if (service != null) return service.mean();
        if (mix.isEmpty()) return Double.NaN;
        double total = 0;
        double weighted = 0;
        for (RequestClassSpec requestClass : mix) {
            total += requestClass.weight();
            weighted += requestClass.weight() * requestClass.service().mean();
        }
        return weighted / total;
    }

    public boolean targetsBalancer() {
        return BALANCER.equals(target);
    }
}
