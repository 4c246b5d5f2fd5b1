package org.lbsim.cluster.spec;

import java.util.List;
import java.util.Optional;

/**
 * A validated scenario: everything one simulation run needs, immutable.
 *
 * <p>Durations are in seconds and rates in requests per second, whatever units the file used.
 * Server entries with {@code count > 1} arrive here already expanded into one entry each.
 *
 * @param maxRequestsInSystem the cap on requests held at once; reaching it stops the run
 * @param autoscaling         target tracking, or null for a fixed fleet
 */
public record Scenario(
        String name,
        long seed,
        double duration,
        double warmup,
        long maxRequestsInSystem,
        List<ClientSpec> clients,
        List<SecurityGroupSpec> securityGroups,
        List<NetworkAclSpec> networkAcls,
        BalancerSpec balancer,
        List<ServerSpec> servers,
        List<EventSpec> events,
        AutoscalingSpec autoscaling) {

    /** The default cap on requests in the system, from the design. */
    public static final long DEFAULT_MAX_REQUESTS_IN_SYSTEM = 10_000_000L;

    public Scenario {
        clients = List.copyOf(clients);
        securityGroups = List.copyOf(securityGroups);
        networkAcls = List.copyOf(networkAcls);
        servers = List.copyOf(servers);
        events = List.copyOf(events);
        if (!(duration > 0)) throw new IllegalArgumentException("duration must be positive");
        if (warmup < 0 || warmup >= duration) throw new IllegalArgumentException("warmup must lie in [0, duration)");
    }

    public Optional<ServerSpec> server(String serverName) {
        return servers.stream().filter(s -> s.name().equals(serverName)).findFirst();
    }

    public Optional<SecurityGroupSpec> securityGroup(String groupName) {
        return securityGroups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /** A scenario without network ACLs or autoscaling. */
    public Scenario(String name, long seed, double duration, double warmup, long maxRequestsInSystem,
                    List<ClientSpec> clients, List<SecurityGroupSpec> securityGroups, BalancerSpec balancer,
                    List<ServerSpec> servers, List<EventSpec> events) {
        this(name, seed, duration, warmup, maxRequestsInSystem, clients, securityGroups, List.of(), balancer, servers,
                events, null);
    }

    /** A scenario without autoscaling. */
    public Scenario(String name, long seed, double duration, double warmup, long maxRequestsInSystem,
                    List<ClientSpec> clients, List<SecurityGroupSpec> securityGroups, List<NetworkAclSpec> networkAcls,
                    BalancerSpec balancer, List<ServerSpec> servers, List<EventSpec> events) {
        this(name, seed, duration, warmup, maxRequestsInSystem, clients, securityGroups, networkAcls, balancer, servers,
                events, null);
    }

    /** A scenario without network ACLs. */
    public Scenario(String name, long seed, double duration, double warmup, long maxRequestsInSystem,
                    List<ClientSpec> clients, List<SecurityGroupSpec> securityGroups, BalancerSpec balancer,
                    List<ServerSpec> servers, List<EventSpec> events, AutoscalingSpec autoscaling) {
        this(name, seed, duration, warmup, maxRequestsInSystem, clients, securityGroups, List.of(), balancer, servers,
                events, autoscaling);
    }

    /** A copy with another seed: replications and {@code --seed} use it. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, duration, warmup, maxRequestsInSystem, clients, securityGroups, networkAcls,
                balancer, servers, events, autoscaling);
    }

    /** A copy whose balancer uses another algorithm (parameters it does not declare are ignored). */
    public Scenario withAlgorithm(String algorithm) {
        return new Scenario(name, seed, duration, warmup, maxRequestsInSystem, clients, securityGroups, networkAcls,
                balancer.withAlgorithm(algorithm), servers, events, autoscaling);
    }

    /** A copy whose clients are {@code newClients} (the same names, in the same order). */
    public Scenario withClients(List<ClientSpec> newClients) {
        return new Scenario(name, seed, duration, warmup, maxRequestsInSystem, newClients, securityGroups, networkAcls,
                balancer, servers, events, autoscaling);
    }

    /** A copy whose scripted timeline is {@code newEvents}. */
    public Scenario withEvents(List<EventSpec> newEvents) {
        return new Scenario(name, seed, duration, warmup, maxRequestsInSystem, clients, securityGroups, networkAcls,
                balancer, servers, newEvents, autoscaling);
    }
}
