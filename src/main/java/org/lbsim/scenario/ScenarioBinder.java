package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.AutoscalingSpec;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.scenario.Node.ListNode;
import org.lbsim.scenario.Node.MapNode;
import org.lbsim.scenario.Node.ScalarNode;

/**
 * Binds a located tree to a {@link Scenario}: applies the defaults, checks every value and every
 * reference between parts (targets, groups, event subjects) and records each problem where it was
 * written. Returns null when anything is wrong; the problems say what.
 *
 * <p>Parts are bound in the order their references need: security-group names, then servers
 * (which name groups), network ACLs (which name servers), the balancer, clients (which target
 * servers), then events.
 */
final class ScenarioBinder {

    static final String DEFAULT_ALGORITHM = "round-robin";

    /** Replicas one server entry may expand into; a typo of 100000 should not exhaust memory. */
    static final int MAX_COUNT = Bounds.MAX_COUNT;

    private static final List<String> TOP_KEYS = List.of("name", "seed", "duration", "warmup",
            "maxRequestsInSystem", "clients", "securityGroups", "networkAcls", "balancer", "servers", "events",
            "autoscaling");
    private static final List<String> CLIENT_KEYS =
            List.of("name", "arrivals", "service", "mix", "protocol", "port", "sources", "target", "timeout");
    private static final List<String> GROUP_KEYS = List.of("name", "inbound");
    private static final List<String> RULE_KEYS = List.of("protocol", "ports", "from");
    private static final List<String> BALANCER_KEYS = List.of("securityGroup", "listeners", "algorithm", "healthCheck",
            "retries", "retryBudget", "outlierDetection", "deregistrationDelay", "slowStart", "connectTimeout",
            "minimumHealthyTargets", "maxFails", "stickiness");
    private static final List<String> HEALTH_CHECK_KEYS =
            List.of("port", "interval", "timeout", "healthyThreshold", "unhealthyThreshold", "inBand", "probeWork");
    private static final List<String> SERVER_KEYS = List.of("name", "securityGroup", "workers", "queueCapacity",
            "speed", "weight", "count", "failures", "costPerHour", "bootTime");
    private static final List<String> ACTIONS = List.of("fail", "recover", "set-rate", "set-algorithm", "slow",
            "black-hole", "add-server", "remove-server", "set-weight", "set-security-rule");

    /** Keys and words of capabilities the design announces, so that they are "not supported yet". */
    private static final Set<String> PLANNED_TOP = Set.of();
    private static final Set<String> PLANNED_CLIENT = Set.of();
    private static final Set<String> PLANNED_BALANCER = Set.of();
    private static final Set<String> PLANNED_SERVER = Set.of();

    /** Algorithm name → the rules of the parameters it accepts, by key. */
    private final Map<String, Map<String, ParameterRule>> algorithms;
    private final String defaultName;
    private final Problems problems;
    private final Values values;
    private final DistributionBinder distributions;
    private final Binding binding;
    /** An entry with {@code count > 1} by its own name, to its replicas' names: what {@code appliesTo} may name. */
    private final Map<String, List<String>> replicasOfEntry = new LinkedHashMap<>();
    private final FailureBinder failureBinder;
    private final PoliciesBinder policiesBinder;
    private final AutoscalingBinder autoscalingBinder;
    private final NetworkAclBinder aclBinder;
    private final ArrivalsBinder arrivalsBinder;
    /** Closed-loop and trace clients, which {@code set-rate} cannot name: they have no rate to set. */
    private Set<String> closedClients = Set.of();
    /** Each algorithm a {@code set-algorithm} event switches to, where it is first named. */
    private final Map<String, Named> switchedTo = new LinkedHashMap<>();

    static final String WEIGHT_RANGE = "a whole number from 0 to 256 (as HAProxy's weights)";

    ScenarioBinder(Map<String, Map<String, ParameterRule>> algorithms, String defaultName, Problems problems,
                   java.nio.file.Path folder) {
        this.algorithms = algorithms;
        this.defaultName = defaultName;
        this.problems = problems;
        this.values = new Values(problems);
        this.distributions = new DistributionBinder(values, problems);
        this.binding = new Binding(problems, values);
        this.failureBinder = new FailureBinder(problems, values, binding);
        this.policiesBinder = new PoliciesBinder(problems, values, binding);
        this.autoscalingBinder = new AutoscalingBinder(problems, values, binding);
        this.aclBinder = new NetworkAclBinder(problems, values, binding);
        this.arrivalsBinder = new ArrivalsBinder(problems, values, binding, distributions, folder);
    }

    Scenario bind(Node root) {
        Fields top = Fields.of(root, "", "a scenario map with keys " + String.join(", ", TOP_KEYS), problems);
        top.allowOnly(TOP_KEYS, PLANNED_TOP);
        String name = binding.optional(top, "name", defaultName, values::name);
        Long seed = binding.optional(top, "seed", 1L, (n, p) -> values.integer(n, p, v -> true,
                "a whole number from -9223372036854775808 to 9223372036854775807"));
        Node durationNode = top.require("duration", "the simulated time, a positive duration such as 10min");
        Double duration = durationNode == null ? null : values.duration(durationNode, "duration",
                d -> d > 0 && d <= Bounds.MAX_RUN, "a positive duration of at most 365d (a year) such as 10min");
        Double warmup = binding.optional(top, "warmup", 0.0,
                (n, p) -> values.duration(n, p, d -> d >= 0, "a duration of 0 or more such as 1min"));
        if (duration != null && warmup != null && warmup >= duration) {
            Node warmupNode = top.get("warmup");
            values.reportFound(warmupNode, "warmup", ((ScalarNode) warmupNode).text(),
                    "a warmup shorter than the duration (" + ((ScalarNode) durationNode).text() + ")");
        }
        Long maxRequests = binding.optional(top, "maxRequestsInSystem", Scenario.DEFAULT_MAX_REQUESTS_IN_SYSTEM,
                (n, p) -> values.integer(n, p, v -> v >= 1 && v <= Bounds.MAX_REQUESTS_IN_SYSTEM,
                        "a whole number of at least 1 and at most 100_000_000"));

        Set<String> groupNames = groupNames(top.get("securityGroups"));
        List<SecurityGroupSpec> groups = securityGroups(top, groupNames);
        // Names are collected even from invalid entries, so that one mistake in a server or client
        // does not also make every reference to it "unknown".
        Map<String, Location> serverNames = new LinkedHashMap<>();
        List<ServerSpec> servers = servers(top, groupNames, serverNames);
        List<NetworkAclSpec> acls = aclBinder.networkAcls(top, serverNames.keySet(), replicasOfEntry);
        BalancerSpec balancer = balancer(top, groupNames);
        Map<String, Location> clientNames = new LinkedHashMap<>();
        List<ClientSpec> clients = clients(top, serverNames.keySet(), clientNames);
        closedClients = clients.stream().filter(c -> !(c.arrivals() instanceof ArrivalSpec.Open)).map(ClientSpec::name)
                .collect(java.util.stream.Collectors.toSet());
        String durationText = duration == null ? null : ((ScalarNode) durationNode).text();
        List<EventSpec> events = events(top, durationText, duration, serverNames.keySet(), clientNames.keySet(),
                groupNames);
        AutoscalingSpec autoscaling = autoscalingBinder.autoscaling(top.get("autoscaling"), serverNames.keySet());
        if (problems.count() == 0) checkTotals(top, servers, events, autoscaling, balancer);

        if (problems.count() > 0) return null;
        return problems.construct(root.location(), "", () -> new Scenario(name, seed, duration, warmup, maxRequests,
                clients, groups, acls, balancer, servers, events, autoscaling));
    }

    // ---- autoscaling


    // ---- security groups

    /** Every group's name, read first because rules and servers may name a group defined later. */
    private static Set<String> groupNames(Node node) {
        Set<String> names = new LinkedHashSet<>();
        if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof MapNode map) {
                    map.entry("name").ifPresent(e -> {
                        if (e.value() instanceof ScalarNode s && !s.isNull()) names.add(s.text());
                    });
                }
            }
        }
        return names;
    }

    private List<SecurityGroupSpec> securityGroups(Fields top, Set<String> groupNames) {
        List<SecurityGroupSpec> groups = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        List<Node> items = binding.list(top.get("securityGroups"), "securityGroups", "a list of security groups", false);
        for (int i = 0; i < items.size(); i++) {
            String path = "securityGroups[" + i + "]";
            int before = problems.count();
            Fields fields = Fields.of(items.get(i), path, "a security group map with keys name, inbound", problems);
            fields.allowOnly(GROUP_KEYS, Set.of());
            String name = binding.uniqueName(fields, seen, "security group");
            List<RuleSpec> rules = new ArrayList<>();
            List<Node> ruleNodes = binding.list(fields.get("inbound"), fields.pathOf("inbound"), "a list of inbound rules", false);
            for (int r = 0; r < ruleNodes.size(); r++) {
                rules.add(rule(ruleNodes.get(r), fields.pathOf("inbound") + "[" + r + "]", groupNames));
            }
            if (problems.count() == before) groups.add(new SecurityGroupSpec(name, rules));
        }
        return groups;
    }

    private RuleSpec rule(Node node, String path, Set<String> groupNames) {
        int before = problems.count();
        Fields fields = Fields.of(node, path, "a rule map such as {protocol: tcp, ports: 80, from: 0.0.0.0/0}", problems);
        fields.allowOnly(RULE_KEYS, Set.of());
        Protocol protocol = binding.protocol(fields.require("protocol", "one of: " + String.join(", ", Binding.PROTOCOLS)),
                fields.pathOf("protocol"));
        int[] ports = binding.ports(fields, protocol);
        Node fromNode = fields.require("from", "a CIDR block such as 0.0.0.0/0 or a security group's name");
        RuleSpec.Source source = fromNode == null ? null : source(fromNode, fields.pathOf("from"), groupNames);
        if (problems.count() > before) return null;
        int[] range = ports;
        return problems.construct(fields.location(), path, () -> new RuleSpec(protocol, range[0], range[1], source));
    }


    /** A CIDR block when it looks like an address (a digit first, or a colon anywhere), else the name of a group. */
    private RuleSpec.Source source(Node node, String path, Set<String> groupNames) {
        String text = values.text(node, path, "a CIDR block such as 0.0.0.0/0 or a security group's name");
        if (text == null) return null;
        if (Binding.looksLikeAddress(text)) {
            Cidr cidr = values.cidr(node, path);
            return cidr == null ? null : new RuleSpec.FromCidr(cidr);
        }
        if (groupNames.contains(text)) return new RuleSpec.FromGroup(text);
        problems.add(node.location(), path, "found " + Fields.quote(text) + Suggestions.didYouMean(text, groupNames)
                + ", expected a CIDR block such as 0.0.0.0/0 or the name of a security group"
                + Binding.known("defined", groupNames));
        return null;
    }


    // ---- network ACLs





    private String groupReference(Fields fields, String key, Set<String> groupNames) {
        Node node = fields.get(key);
        if (node == null) return null;
        String text = values.name(node, fields.pathOf(key));
        if (text == null || groupNames.contains(text)) return text;
        problems.add(node.location(), fields.pathOf(key), "found " + Fields.quote(text) + Suggestions.didYouMean(text, groupNames)
                + ", expected the name of a security group" + Binding.known("defined", groupNames));
        return null;
    }

    // ---- servers

    private List<ServerSpec> servers(Fields top, Set<String> groupNames, Map<String, Location> seen) {
        List<ServerSpec> servers = new ArrayList<>();
        List<Node> items = binding.list(top.require("servers", "a list of at least one server"), "servers",
                "a list of at least one server", true);
        for (int i = 0; i < items.size(); i++) {
            servers.addAll(serverEntry(items.get(i), "servers[" + i + "]", groupNames, seen));
        }
        return servers;
    }

    /** One entry of {@code servers:}, expanded into {@code count} servers. */
    private List<ServerSpec> serverEntry(Node node, String path, Set<String> groupNames, Map<String, Location> seen) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "a server map with keys " + String.join(", ", SERVER_KEYS), problems);
        f.allowOnly(SERVER_KEYS, PLANNED_SERVER);
        Node nameNode = f.require("name", "the server's name");
        String name = nameNode == null ? null : values.name(nameNode, f.pathOf("name"));
        String group = groupReference(f, "securityGroup", groupNames);
        Integer workers = binding.optional(f, "workers", 1, (n, p) -> values.smallInteger(n, p, 1, Bounds.MAX_WORKERS,
                "a whole number from 1 to 100,000"));
        Integer queue = binding.optional(f, "queueCapacity", ServerSpec.UNLIMITED_QUEUE,
                (n, p) -> values.smallInteger(n, p, 0, Integer.MAX_VALUE,
                        "a whole number from 0 to 2147483647 (omit it for unlimited)"));
        Double speed = binding.optional(f, "speed", 1.0, (n, p) -> values.number(n, p,
                v -> v >= Bounds.MIN_SPEED && v <= Bounds.MAX_SPEED, "a number from 0.001 to 1000 such as 1.0"));
        Integer weight = binding.optional(f, "weight", 1, (n, p) -> values.smallInteger(n, p, 0, Bounds.MAX_WEIGHT,
                WEIGHT_RANGE));
        Integer count = binding.optional(f, "count", 1,
                (n, p) -> values.smallInteger(n, p, 1, MAX_COUNT, "a whole number from 1 to " + MAX_COUNT));
        Double costPerHour = binding.optional(f, "costPerHour", 0.0,
                (n, p) -> values.number(n, p, v -> v >= 0 && v <= Bounds.MAX_COST_PER_HOUR,
                        "a cost per hour from 0 to 1000000 such as 0.0416"));
        Double bootTime = binding.optional(f, "bootTime", 0.0,
                (n, p) -> values.duration(n, p, d -> d >= 0, "a duration of 0 or more such as 30s"));
        List<FailureSpec> failures = new ArrayList<>();
        List<Node> failureNodes = binding.list(f.get("failures"), f.pathOf("failures"), "a list of failures", false);
        for (int i = 0; i < failureNodes.size(); i++) {
            failures.add(failureBinder.failure(failureNodes.get(i), f.pathOf("failures") + "[" + i + "]"));
        }
        List<String> replicaNames = new ArrayList<>();
        if (name != null && count != null) {
            for (int replica = 1; replica <= count; replica++) {
                String replicaName = count == 1 ? name : name + "-" + replica;
                Location earlier = seen.putIfAbsent(replicaName, nameNode.location());
                if (earlier != null) {
                    problems.add(nameNode.location(), f.pathOf("name"), "found the server name '" + replicaName
                            + "' a second time (first at " + earlier.shortWhere()
                            + "), expected names unique after count expansion");
                }
                replicaNames.add(replicaName);
                if (count > 1) replicasOfEntry.computeIfAbsent(name, n -> new ArrayList<>()).add(replicaName);
            }
        }
        if (problems.count() > before) return List.of();
        List<ServerSpec> expanded = new ArrayList<>();
        for (String replicaName : replicaNames) {
            ServerSpec server = problems.construct(f.location(), path,
                    () -> new ServerSpec(replicaName, group, workers, queue, speed, weight, failures, costPerHour, bootTime));
            if (server != null) expanded.add(server);
        }
        return expanded;
    }




    /**
     * Sums over every server a run may hold, in {@code long}: the expanded {@code servers:}, one
     * per {@code add-server} event (like its template) and autoscaling's {@code max} (like its
     * template). Their number and their workers are bounded ({@link Bounds}), and so is each
     * per-weight algorithm parameter times their total weight, at the highest weight each may
     * have (a {@code set-weight} may raise it).
     */
    private void checkTotals(Fields top, List<ServerSpec> servers, List<EventSpec> events, AutoscalingSpec autoscaling,
                             BalancerSpec balancer) {
        Map<String, ServerSpec> byName = new LinkedHashMap<>();
        servers.forEach(server -> byName.put(server.name(), server));
        Map<String, Integer> highestWeight = new HashMap<>();
        servers.forEach(server -> highestWeight.put(server.name(), server.weight()));
        int added = 0;
        for (EventSpec event : events) {
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
        if (balancer != null) checkPerWeightParameters(top, balancer, totalWeight);
    }

    /**
     * A parameter counted per unit of weight (a ring's points), of the balancer's algorithm or one
     * an event switches to, times the servers' total weight: refused above its rule's bound. An
     * algorithm switched to takes the balancer's value for the key, or else its default.
     */
    private void checkPerWeightParameters(Fields top, BalancerSpec balancer, long totalWeight) {
        Map<String, Named> used = new LinkedHashMap<>();
        Node balancerNode = top.get("balancer");
        MapNode balancerMap = balancerNode instanceof MapNode map ? map : new MapNode(List.of(), top.location());
        Node algorithmNode = balancerMap.entry("algorithm").map(Node.Entry::value).orElse(null);
        used.put(balancer.algorithm(), algorithmNode != null ? new Named(algorithmNode.location(), "balancer.algorithm")
                : new Named(balancerMap.location(), "balancer"));
        switchedTo.forEach(used::putIfAbsent);
        used.forEach((algorithm, where) -> algorithms.getOrDefault(algorithm, Map.of()).forEach((key, rule) -> {
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

    /** Where something was written, and its YAML path. */
    private record Named(Location location, String path) {
    }

    // ---- balancer

    private BalancerSpec balancer(Fields top, Set<String> groupNames) {
        int before = problems.count();
        Node node = top.get("balancer");
        Fields f = Fields.of(node == null ? new MapNode(List.of(), top.location()) : node, "balancer",
                "a balancer map with keys " + String.join(", ", BALANCER_KEYS), problems);
        String algorithm = algorithm(f.get("algorithm"), f.pathOf("algorithm"), f.location());
        Set<String> parameterKeys = new TreeSet<>();
        if (algorithm != null) {
            parameterKeys.addAll(algorithms.get(algorithm).keySet());
        } else {
            // The algorithm is wrong or unknown: accept every algorithm's parameters, to report only that.
            algorithms.values().forEach(rules -> parameterKeys.addAll(rules.keySet()));
        }
        List<String> allowed = new ArrayList<>(BALANCER_KEYS);
        allowed.addAll(parameterKeys);
        f.allowOnly(allowed, PLANNED_BALANCER);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : parameterKeys) {
            Node value = f.get(key);
            if (value == null) continue;
            String text = algorithm == null
                    ? values.text(value, f.pathOf(key), "a value for the parameter '" + key + "'")
                    : parameter(value, f.pathOf(key), algorithms.get(algorithm).get(key));
            if (text != null) parameters.put(key, text);
        }
        String group = groupReference(f, "securityGroup", groupNames);
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


    /** An algorithm parameter's value checked by its rule, as the algorithm reads it (see {@link ParameterRule}). */
    private String parameter(Node node, String path, ParameterRule rule) {
        return switch (rule.kind()) {
            case TEXT -> values.text(node, path, rule.expected());
            case INTEGER -> {
                Long value = values.integer(node, path, v -> rule.inRange().test(v), rule.expected());
                yield value == null ? null : Long.toString(value);
            }
            case NUMBER -> {
                Double value = values.number(node, path, rule.inRange(), rule.expected());
                yield value == null ? null : Double.toString(value);
            }
            case DURATION -> {
                Double seconds = values.duration(node, path, rule.inRange(), rule.expected());
                yield seconds == null ? null : Double.toString(seconds);
            }
        };
    }

    /** A known algorithm's name; absent means {@link #DEFAULT_ALGORITHM}. */
    private String algorithm(Node node, String path, Location whereAbsent) {
        Set<String> known = new TreeSet<>(algorithms.keySet());
        if (node == null) {
            if (algorithms.containsKey(DEFAULT_ALGORITHM)) return DEFAULT_ALGORITHM;
            problems.add(whereAbsent, path, "found no algorithm and the default '" + DEFAULT_ALGORITHM
                    + "' is not available, expected one of: " + String.join(", ", known));
            return null;
        }
        String name = values.text(node, path, "an algorithm name");
        if (name == null || known.contains(name)) return name;
        problems.add(node.location(), path, "found unknown algorithm '" + name + "'" + Suggestions.didYouMean(name, known)
                + ", expected one of: " + String.join(", ", known));
        return null;
    }

    private HealthCheckSpec healthCheck(Node node, String path, Location whereAbsent, int defaultPort) {
        int before = problems.count();
        Fields f = Fields.of(node == null ? new MapNode(List.of(), whereAbsent) : node, path,
                "a health check map with keys " + String.join(", ", HEALTH_CHECK_KEYS), problems);
        f.allowOnly(HEALTH_CHECK_KEYS, Set.of());
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

    // ---- clients

    private List<ClientSpec> clients(Fields top, Set<String> serverNames, Map<String, Location> seen) {
        List<ClientSpec> clients = new ArrayList<>();
        List<Node> items = binding.list(top.require("clients", "a list of at least one client"), "clients",
                "a list of at least one client", true);
        for (int i = 0; i < items.size(); i++) {
            ClientSpec client = client(items.get(i), "clients[" + i + "]", serverNames, seen);
            if (client != null) clients.add(client);
        }
        return clients;
    }

    private ClientSpec client(Node node, String path, Set<String> serverNames, Map<String, Location> seen) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "a client map with keys " + String.join(", ", CLIENT_KEYS), problems);
        f.allowOnly(CLIENT_KEYS, PLANNED_CLIENT);
        String name = binding.uniqueName(f, seen, "client");
        Node arrivalsNode = f.require("arrivals", ArrivalsBinder.EXAMPLE);
        ArrivalSpec arrivals = arrivalsNode == null ? null : arrivalsBinder.arrivals(arrivalsNode, f.pathOf("arrivals"));
        Node mixNode = f.get("mix");
        Node serviceNode = f.get("service");
        DistributionSpec boundService = null;
        List<RequestClassSpec> mix = arrivalsBinder.mix(mixNode, f.pathOf("mix"));
        if (serviceNode != null && mixNode != null) {
            problems.add(mixNode.location(), f.pathOf("mix"),
                    "found both 'service' and 'mix', expected one: a mix gives each class its own service");
        } else if (mixNode == null && (serviceNode != null || !ArrivalsBinder.namesTrace(arrivalsNode))) {
            // A trace may log each request's time instead: its service is optional.
            serviceNode = f.require("service", DistributionBinder.EXAMPLE + " (or a 'mix' of request classes)");
            boundService = serviceNode == null ? null : distributions.bind(serviceNode, f.pathOf("service"));
        }
        DistributionSpec service = boundService;
        Protocol protocol = binding.optional(f, "protocol", Protocol.TCP, binding::protocol);
        Integer port = binding.optional(f, "port", 80, values::port);
        List<Cidr> sources = new ArrayList<>();
        Node sourcesNode = f.get("sources");
        if (sourcesNode == null) {
            sources.add(Cidr.ANY_IPV4);
        } else {
            List<Node> items = binding.list(sourcesNode, f.pathOf("sources"), "a list of CIDR blocks such as [0.0.0.0/0, ::/0]", true);
            for (int i = 0; i < items.size(); i++) sources.add(values.cidr(items.get(i), f.pathOf("sources") + "[" + i + "]"));
        }
        String target = binding.optional(f, "target", ClientSpec.BALANCER, (n, p) -> target(n, p, serverNames));
        Double timeout = binding.optional(f, "timeout", Double.POSITIVE_INFINITY,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        if (problems.count() > before) return null;
        return problems.construct(f.location(), path,
                () -> new ClientSpec(name, arrivals, service, mix, protocol, port, sources, target, timeout));
    }

    private String target(Node node, String path, Set<String> serverNames) {
        String text = values.name(node, path);
        if (text == null || text.equals(ClientSpec.BALANCER) || serverNames.contains(text)) return text;
        problems.add(node.location(), path, "found " + Fields.quote(text) + Suggestions.didYouMean(text, serverNames)
                + ", expected 'balancer' or the name of a server" + Binding.known("defined", serverNames));
        return null;
    }


    // ---- events

    private List<EventSpec> events(Fields top, String durationText, Double duration, Set<String> serverNames,
            Set<String> clientNames, Set<String> groupNames) {
        List<EventSpec> events = new ArrayList<>();
        List<Node> items = binding.list(top.get("events"), "events", "a list of events", false);
        Set<String> known = new java.util.HashSet<>(serverNames); // grows with add-server events
        for (int i = 0; i < items.size(); i++) {
            EventSpec event = event(items.get(i), "events[" + i + "]", durationText, duration, known, clientNames,
                    groupNames);
            if (event != null) events.add(event);
        }
        return events;
    }

    private EventSpec event(Node node, String path, String durationText, Double duration, Set<String> serverNames,
            Set<String> clientNames, Set<String> groupNames) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "an event map such as {at: 3min, action: fail, server: web-2}", problems);
        String inRange = duration == null ? "a duration of 0 or more"
                : "a time from 0 to the duration (" + durationText + ")";
        Node atNode = f.require("at", inRange);
        Double at = atNode == null ? null
                : values.duration(atNode, f.pathOf("at"), t -> t >= 0 && (duration == null || t <= duration), inRange);
        Node actionNode = f.require("action", "one of: " + String.join(", ", ACTIONS));
        String action = actionNode == null ? null : values.choice(actionNode, f.pathOf("action"), ACTIONS);
        if (action == null) {
            f.allowOnly(List.of("at", "action", "server", "client", "rate", "algorithm", "group", "inbound"), Set.of());
            return null;
        }
        EventSpec event;
        switch (action) {
            case "fail", "recover", "black-hole", "remove-server" -> {
                // The actions that name a server and nothing else.
                f.allowOnly(List.of("at", "action", "server"), Set.of());
                String server = binding.reference(f, "server", serverNames, "server");
                event = problems.count() > before ? null : switch (action) {
                    case "fail" -> new EventSpec.Fail(at, server);
                    case "recover" -> new EventSpec.Recover(at, server);
                    case "black-hole" -> new EventSpec.BlackHole(at, server);
                    default -> new EventSpec.RemoveServer(at, server);
                };
            }
            case "set-rate" -> {
                f.allowOnly(List.of("at", "action", "client", "rate"), Set.of());
                String client = binding.reference(f, "client", clientNames, "client");
                if (closedClients.contains(client)) {
                    problems.add(f.get("client").location(), f.pathOf("client"), "found '" + client
                            + "', a client of closed-loop users or a trace, expected an open client: only those have a rate to set");
                }
                Node rateNode = f.require("rate", "a positive rate such as 300/s");
                Double rate = rateNode == null ? null : values.rate(rateNode, f.pathOf("rate"));
                event = problems.count() > before ? null : new EventSpec.SetRate(at, client, rate);
            }
            case "slow" -> {
                f.allowOnly(List.of("at", "action", "server", "factor"), Set.of());
                String server = binding.reference(f, "server", serverNames, "server");
                Node factorNode = f.require("factor", "the speed multiplier, in (0, 1], such as 0.25");
                Double factor = factorNode == null ? null : values.number(factorNode, f.pathOf("factor"),
                        v -> v > 0 && v <= 1, "a number in (0, 1] such as 0.25");
                event = problems.count() > before ? null : new EventSpec.Slow(at, server, factor);
            }
            case "add-server" -> {
                f.allowOnly(List.of("at", "action", "server", "template"), Set.of());
                String template = binding.reference(f, "template", serverNames, "server to copy");
                Node nameNode = f.require("server", "the new server's name");
                String name = nameNode == null ? null : values.name(nameNode, f.pathOf("server"));
                if (name != null && serverNames.contains(name)) {
                    problems.add(nameNode.location(), f.pathOf("server"), "found '" + name
                            + "', which names an existing server; expected a new name");
                }
                event = problems.count() > before ? null : new EventSpec.AddServer(at, name, template);
                if (name != null) serverNames.add(name); // later events may refer to it
            }
            case "set-weight" -> {
                f.allowOnly(List.of("at", "action", "server", "weight"), Set.of());
                String server = binding.reference(f, "server", serverNames, "server");
                Node weightNode = f.require("weight", WEIGHT_RANGE);
                Integer weight = weightNode == null ? null
                        : values.smallInteger(weightNode, f.pathOf("weight"), 0, Bounds.MAX_WEIGHT, WEIGHT_RANGE);
                event = problems.count() > before ? null : new EventSpec.SetWeight(at, server, weight);
            }
            case "set-security-rule" -> {
                f.allowOnly(List.of("at", "action", "group", "inbound"), Set.of());
                String group = binding.reference(f, "group", groupNames, "security group");
                String expected = "a list of inbound rules (empty to deny everything)";
                Node inboundNode = f.require("inbound", expected);
                List<RuleSpec> rules = new ArrayList<>();
                List<Node> ruleNodes = inboundNode == null ? List.of() : binding.list(inboundNode, f.pathOf("inbound"), expected, false);
                for (int r = 0; r < ruleNodes.size(); r++) {
                    rules.add(rule(ruleNodes.get(r), f.pathOf("inbound") + "[" + r + "]", groupNames));
                }
                event = problems.count() > before ? null : new EventSpec.SetSecurityRule(at, group, rules);
            }
            default -> {
                f.allowOnly(List.of("at", "action", "algorithm"), Set.of());
                Node algorithmNode = f.require("algorithm", "an algorithm name");
                String algorithm = algorithmNode == null ? null : algorithm(algorithmNode, f.pathOf("algorithm"), f.location());
                if (algorithm != null) {
                    switchedTo.putIfAbsent(algorithm, new Named(algorithmNode.location(), f.pathOf("algorithm")));
                }
                event = problems.count() > before ? null : new EventSpec.SetAlgorithm(at, algorithm);
            }
        }
        return event;
    }


    // ---- shared helpers





}
