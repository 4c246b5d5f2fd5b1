package org.lbsim.balancing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of balancing algorithms by stable name. Names are part of the scenario format
 * and the JSON results: never rename one.
 */
public final class Algorithms {

    private final Map<String, AlgorithmInfo> byName = new LinkedHashMap<>();

    private Algorithms() {
    }

    /** Every algorithm lbsim ships, in the order {@code lbsim algorithms} lists them. */
    public static Algorithms standard() {
        Algorithms registry = new Algorithms();
        registry.register(new AlgorithmInfo("round-robin",
                "each usable backend in turn (AWS ALB default, NGINX default, HAProxy roundrobin)",
                Set.of(), context -> new RoundRobin()));
        registry.register(new AlgorithmInfo("random",
                "a usable backend uniformly at random (HAProxy random(1), Envoy RANDOM)",
                Set.of(), context -> new RandomChoice(context.random())));
        registry.register(new AlgorithmInfo("least-connections",
                "the backend with fewest outstanding requests, ties broken at random (NGINX least_conn, HAProxy leastconn)",
                Set.of(), context -> new LeastConnections(context.random())));
        return registry;
    }

    private void register(AlgorithmInfo info) {
        if (byName.putIfAbsent(info.name(), info) != null) throw new IllegalStateException("duplicate algorithm " + info.name());
    }

    public Optional<AlgorithmInfo> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public AlgorithmInfo get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown algorithm '" + name + "'; known: " + String.join(", ", byName.keySet())));
    }

    public Collection<AlgorithmInfo> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /** Name to accepted parameter keys: what the scenario loader needs to validate {@code balancer:}. */
    public Map<String, Set<String>> parameterKeys() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        byName.values().forEach(info -> keys.put(info.name(), info.parameters()));
        return Collections.unmodifiableMap(keys);
    }
}
