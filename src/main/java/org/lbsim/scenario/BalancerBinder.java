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

    static final Key<Void> HC_PORT = Key.described("port", new ValueRule.Port(), false,
            "port probed on each backend; default: the first listener");
    static final Key<Double> HC_INTERVAL = Key.optional("interval", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            HealthCheckSpec.DEFAULT_INTERVAL, "30s", "time between probes");
    static final Key<Double> HC_TIMEOUT = Key.optional("timeout", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            HealthCheckSpec.DEFAULT_TIMEOUT, "5s", "no answer within it is a failed probe; less than interval");
    static final Key<Integer> HEALTHY_THRESHOLD = Key.optional("healthyThreshold",
            new ValueRule.Int(1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE),
            HealthCheckSpec.DEFAULT_HEALTHY_THRESHOLD, "5", "consecutive passes that bring a backend back");
    static final Key<Integer> UNHEALTHY_THRESHOLD = Key.optional("unhealthyThreshold",
            new ValueRule.Int(1, Bounds.MAX_THRESHOLD, Binding.THRESHOLD_RANGE),
            HealthCheckSpec.DEFAULT_UNHEALTHY_THRESHOLD, "2", "consecutive failures that take a backend out");
    static final Key<Boolean> IN_BAND = Key.optional("inBand", new ValueRule.Flag(), false, "false",
            "true: a probe is a small request that waits in the instance's queue like any other");
    static final Key<Double> PROBE_WORK = Key.optional("probeWork", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            HealthCheckSpec.DEFAULT_PROBE_WORK, "1ms", "work of an in-band probe at speed 1.0");

    /** {@code balancer.healthCheck}, with AWS ALB target-group defaults. */
    static final MapRule HEALTH_CHECK = MapRule.of("active health checks (AWS ALB target-group defaults)", HC_PORT,
            HC_INTERVAL, HC_TIMEOUT, HEALTHY_THRESHOLD, UNHEALTHY_THRESHOLD, IN_BAND, PROBE_WORK);

    static final Key<Void> SECURITY_GROUP = Key.described("securityGroup", new ValueRule.Text("a security group's name"),
            false, "the group guarding the balancer; none: no filtering");
    static final Key<Void> LISTENERS = Key.described("listeners", new ValueRule.ListOf(new ValueRule.Port(), 1), false,
            "ports the balancer accepts; default [80]");
    static final Key<Void> ALGORITHM = Key.described("algorithm", new ValueRule.Algorithm(), false,
            "the balancing algorithm (./lbsim algorithms lists them); default " + AlgorithmBinder.DEFAULT_ALGORITHM);
    static final Key<Void> HEALTH_CHECK_KEY = Key.described("healthCheck", new ValueRule.Section(HEALTH_CHECK), false,
            "active health checks");

    /**
     * {@code balancer:}; besides these keys, the parameters the chosen algorithm declares
     * ({@link AlgorithmBinder}).
     */
    static final MapRule BALANCER = new MapRule("the load balancer", Binding.<Key<?>>concat(
            List.of(SECURITY_GROUP, LISTENERS, ALGORITHM, HEALTH_CHECK_KEY), PoliciesBinder.KEYS), List.of());

    private static final List<String> BALANCER_KEYS = BALANCER.names();
    private static final List<String> HEALTH_CHECK_KEYS = HEALTH_CHECK.names();

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
        Double interval = binding.optional(f, HC_INTERVAL);
        Double timeout = binding.optional(f, HC_TIMEOUT);
        Integer healthy = binding.optional(f, HEALTHY_THRESHOLD);
        Integer unhealthy = binding.optional(f, UNHEALTHY_THRESHOLD);
        Boolean inBand = binding.optional(f, IN_BAND);
        Double probeWork = binding.optional(f, PROBE_WORK);
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
