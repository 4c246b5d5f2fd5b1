package org.lbsim.scenario;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.cluster.spec.AutoscalingSpec;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.scenario.Node.MapNode;

/**
 * Checks the sums over every server a run may hold, in {@code long}: the expanded
 * {@code servers:}, one per {@code add-server} event (like its template) and autoscaling's
 * {@code max} (like its template). Their number and their workers are bounded ({@link Bounds}),
 * and so is each per-weight algorithm parameter times their total weight, at the highest weight
 * each may have (a {@code set-weight} may raise it).
 */
final class ServerTotalsCheck {

    private final Problems problems;
    private final AlgorithmBinder algorithms;

    ServerTotalsCheck(Problems problems, AlgorithmBinder algorithms) {
        this.problems = problems;
        this.algorithms = algorithms;
    }

    void check(Fields top, List<ServerSpec> servers, EventsBinder.Timeline timeline, AutoscalingSpec autoscaling,
               BalancerSpec balancer) {
        Map<String, ServerSpec> byName = new LinkedHashMap<>();
        servers.forEach(server -> byName.put(server.name(), server));
        Map<String, Integer> highestWeight = new HashMap<>();
        servers.forEach(server -> highestWeight.put(server.name(), server.weight()));
        int added = 0;
        for (EventSpec event : timeline.events()) {
            if (event instanceof EventSpec.AddServer add && byName.containsKey(add.template())) {
                byName.putIfAbsent(add.server(), byName.get(add.template()).named(add.server()));
                highestWeight.merge(add.server(), highestWeight.get(add.template()), Math::max);
                added++;
            } else if (event instanceof EventSpec.SetWeight setWeight) {
                highestWeight.merge(setWeight.server(), setWeight.weight(), Math::max);
            }
        }
        long workers = 0;
        long totalWeight = 0;
        for (ServerSpec server : byName.values()) {
            workers += server.workers();
            totalWeight += highestWeight.getOrDefault(server.name(), server.weight());
        }
        int scaled = 0;
        if (autoscaling != null && byName.containsKey(autoscaling.template())) {
            scaled = autoscaling.max();
            workers += (long) scaled * byName.get(autoscaling.template()).workers();
            totalWeight += (long) scaled * byName.get(autoscaling.template()).weight();
        }
        Node serversNode = top.get("servers");
        long count = (long) servers.size() + added + scaled;
        if (count > Bounds.MAX_SERVERS) {
            problems.add(serversNode.location(), "servers", String.format("found %,d servers in all (%,d listed after "
                    + "count, %,d added by add-server events, %,d autoscaling's max), expected at most %,d",
                    count, servers.size(), added, scaled, Bounds.MAX_SERVERS));
        }
        if (workers > Bounds.MAX_TOTAL_WORKERS) {
            problems.add(serversNode.location(), "servers", String.format("found %,d workers in all, over every server "
                    + "a run may hold, expected at most %,d", workers, Bounds.MAX_TOTAL_WORKERS));
        }
        if (balancer != null) checkPerWeightParameters(top, balancer, timeline.switchedTo(), totalWeight);
    }

    /**
     * A parameter counted per unit of weight (a ring's points), of the balancer's algorithm or one
     * an event switches to, times the servers' total weight: refused above its rule's bound. An
     * algorithm switched to takes the balancer's value for the key, or else its default.
     */
    private void checkPerWeightParameters(Fields top, BalancerSpec balancer, Map<String, Place> switchedTo,
                                          long totalWeight) {
        Map<String, Place> used = new LinkedHashMap<>();
        Node balancerNode = top.get("balancer");
        MapNode balancerMap = balancerNode instanceof MapNode map ? map : new MapNode(List.of(), top.location());
        Node algorithmNode = balancerMap.entry("algorithm").map(Node.Entry::value).orElse(null);
        used.put(balancer.algorithm(), algorithmNode != null ? new Place(algorithmNode.location(), "balancer.algorithm")
                : new Place(balancerMap.location(), "balancer"));
        switchedTo.forEach(used::putIfAbsent);
        used.forEach((algorithm, where) -> algorithms.rules(algorithm).forEach((key, rule) -> {
            if (rule.maxTimesTotalWeight() <= 0) return;
            String written = balancer.algorithmParameters().get(key);
            double value = written != null ? Double.parseDouble(written) : rule.defaultValue();
            if (Double.isNaN(value) || value * totalWeight <= rule.maxTimesTotalWeight()) return;
            Node writtenNode = written == null ? null : balancerMap.entry(key).map(Node.Entry::value).orElse(null);
            Location at = writtenNode != null ? writtenNode.location() : where.location();
            String path = writtenNode != null ? "balancer." + key : where.path();
            problems.add(at, path, String.format("found %s: %d%s for %s, which with the servers' total weight of %,d "
                            + "makes %,.0f, expected at most %,d (%s times the total weight of every server a run may "
                            + "hold); lower %s or the weights",
                    key, (long) value, written != null ? "" : " (the default)", algorithm, totalWeight,
                    value * totalWeight, rule.maxTimesTotalWeight(), key, key));
        }));
    }
}
