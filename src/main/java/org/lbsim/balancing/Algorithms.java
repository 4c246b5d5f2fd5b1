package org.lbsim.balancing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
                List.of(), context -> new RoundRobin()));
        registry.register(new AlgorithmInfo("weighted-round-robin",
                "smooth weighted round robin, as NGINX's weight=N: turns in proportion to weight, without bursts",
                List.of(), context -> new WeightedRoundRobin()));
        registry.register(new AlgorithmInfo("random",
                "a usable backend uniformly at random (HAProxy random(1), Envoy RANDOM)",
                List.of(), context -> new RandomChoice(context.random())));
        registry.register(new AlgorithmInfo("weighted-random",
                "a usable backend at random, in proportion to its weight (HAProxy random with weights)",
                List.of(), context -> new WeightedRandom(context.random())));
        registry.register(new AlgorithmInfo("least-connections",
                "the backend with fewest outstanding requests, ties broken at random (NGINX least_conn, HAProxy leastconn)",
                List.of(), context -> new LeastConnections(context.random())));
        registry.register(new AlgorithmInfo("weighted-least-connections",
                "the backend with fewest outstanding requests per unit of weight (NGINX least_conn with weights, LVS wlc)",
                List.of(), context -> new WeightedLeastConnections(context.random())));
        registry.register(new AlgorithmInfo("power-of-d",
                "d distinct backends at random, the least loaded of them (HAProxy random(d), Envoy LEAST_REQUEST)",
                List.of(PowerOfD.CHOICES), PowerOfD::new));
        registry.register(new AlgorithmInfo("least-response-time",
                "lowest average latency x (outstanding + 1) / weight (NGINX Plus least_time)",
                List.of(LeastResponseTime.DECAY), LeastResponseTime::new));
        registry.register(new AlgorithmInfo("peak-ewma",
                "two random backends, the lower peak-sensitive latency average x (outstanding + 1) (Finagle, Linkerd)",
                List.of(PeakEwma.DECAY), PeakEwma::new));
        registry.register(new AlgorithmInfo("ip-hash",
                "the source address hashed over the usable backends by weight (HAProxy balance source)",
                List.of(), context -> new IpHash()));
        registry.register(new AlgorithmInfo("consistent-hash",
                "a hash ring of the source address with virtual nodes: a backend leaving moves only its sources",
                List.of(ConsistentHash.VIRTUAL_NODES), ConsistentHash::new));
        registry.register(new AlgorithmInfo("join-idle-queue",
                "an idle backend from the I-queue, else one at random (Lu et al., 2011)",
                List.of(), context -> new JoinIdleQueue(context.random())));
        registry.register(new AlgorithmInfo("least-utilization",
                "the lowest utilization last reported by the instances; stale between reports",
                List.of(LeastUtilization.REPORT_INTERVAL), LeastUtilization::new));
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

    /** Name to accepted parameter keys: what a scenario loader that checks only keys needs. */
    public Map<String, Set<String>> parameterKeys() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        byName.values().forEach(info -> keys.put(info.name(),
                info.parameters().stream().map(Parameter::key).collect(Collectors.toUnmodifiableSet())));
        return Collections.unmodifiableMap(keys);
    }
}
