package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.scenario.Node.MapNode;

/**
 * Binds {@code balancer:}: its security group and listeners, its algorithm with that algorithm's
 * parameters, its health check and its policies. Absent, it is a balancer of defaults.
 */
final class BalancerBinder {

    private static final List<String> BALANCER_KEYS = List.of("securityGroup", "listeners", "algorithm", "healthCheck",
            "retries", "retryBudget", "outlierDetection", "deregistrationDelay", "slowStart", "connectTimeout",
            "minimumHealthyTargets", "maxFails", "stickiness");
    private static final List<String> HEALTH_CHECK_KEYS =
            List.of("port", "interval", "timeout", "healthyThreshold", "unhealthyThreshold", "inBand", "probeWork");

    private final Problems problems;
    private final Values values;
    private final Binding binding;
    private final AlgorithmBinder algorithms;
    private final PoliciesBinder policiesBinder;

    BalancerBinder(Problems problems, Values values, Binding binding, AlgorithmBinder algorithms) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
        this.algorithms = algorithms;
        this.policiesBinder = new PoliciesBinder(problems, values, binding);
    }

    BalancerSpec balancer(Fields top, Set<String> groupNames) {
        int before = problems.count();
        Node node = top.get("balancer");
        Fields f = Fields.of(node == null ? new MapNode(List.of(), top.location()) : node, "balancer",
                "a balancer map with keys " + String.join(", ", BALANCER_KEYS), problems);
        String algorithm = algorithms.name(f.get("algorithm"), f.pathOf("algorithm"), f.location());
        f.allowOnly(Binding.concat(BALANCER_KEYS, algorithms.parameterKeys(algorithm)));
        Map<String, String> parameters = algorithms.parameters(f, algorithm);
        String group = binding.optional(f, "securityGroup", null,
                (n, p) -> binding.reference(n, p, groupNames, "security group"));
        List<Integer> listeners = new ArrayList<>();
        Node listenersNode = f.get("listeners");
        if (listenersNode == null) {
            listeners.add(80);
        } else {
            List<Node> items = binding.list(listenersNode, f.pathOf("listeners"), "a list of ports such as [80, 443]", true);
            for (int i = 0; i < items.size(); i++) listeners.add(values.port(items.get(i), f.pathOf("listeners") + "[" + i + "]"));
        }
        int defaultPort = listeners.isEmpty() || listeners.get(0) == null ? 80 : listeners.get(0);
        HealthCheckSpec healthCheck = healthCheck(f.get("healthCheck"), f.pathOf("healthCheck"), f.location(), defaultPort);
        BalancerPolicies policies = policiesBinder.policies(f);
        if (problems.count() > before) return null;
        return problems.construct(f.location(), "balancer",
                () -> new BalancerSpec(group, listeners, algorithm, parameters, healthCheck, policies));
    }

    /** The health check: an omitted key takes its AWS ALB target-group default; the port, the first listener's. */
    private HealthCheckSpec healthCheck(Node node, String path, Location whereAbsent, int defaultPort) {
        int before = problems.count();
        Fields f = Fields.of(node == null ? new MapNode(List.of(), whereAbsent) : node, path,
                "a health check map with keys " + String.join(", ", HEALTH_CHECK_KEYS), problems);
        f.allowOnly(HEALTH_CHECK_KEYS);
        Integer port = binding.optional(f, "port", defaultPort, values::port);
        Double interval = binding.optional(f, "interval", HealthCheckSpec.DEFAULT_INTERVAL,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        Double timeout = binding.optional(f, "timeout", HealthCheckSpec.DEFAULT_TIMEOUT,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        Integer healthy = binding.optional(f, "healthyThreshold", HealthCheckSpec.DEFAULT_HEALTHY_THRESHOLD,
                (n, p) -> values.smallInteger(n, p, 1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE));
        Integer unhealthy = binding.optional(f, "unhealthyThreshold", HealthCheckSpec.DEFAULT_UNHEALTHY_THRESHOLD,
                (n, p) -> values.smallInteger(n, p, 1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE));
        Boolean inBand = binding.optional(f, "inBand", false, values::bool);
        Double probeWork = binding.optional(f, "probeWork", HealthCheckSpec.DEFAULT_PROBE_WORK,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        if (timeout != null && interval != null && timeout >= interval) {
            Node at = f.has("timeout") ? f.get("timeout") : f.get("interval");
            problems.add(at.location(), f.pathOf(f.has("timeout") ? "timeout" : "interval"), "found a timeout of "
                    + Binding.seconds(timeout) + " and an interval of " + Binding.seconds(interval)
                    + ", expected the timeout shorter than the interval");
        }
        if (problems.count() > before) return null;
        return problems.construct(f.location(), path,
                () -> new HealthCheckSpec(port, interval, timeout, healthy, unhealthy, inBand, probeWork));
    }
}
