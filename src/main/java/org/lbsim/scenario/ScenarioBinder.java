package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
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
    static final int MAX_COUNT = 1000;

    private static final List<String> TOP_KEYS = List.of("name", "seed", "duration", "warmup",
            "maxRequestsInSystem", "clients", "securityGroups", "networkAcls", "balancer", "servers", "events",
            "autoscaling");
    private static final List<String> CLIENT_KEYS =
            List.of("name", "arrivals", "service", "protocol", "port", "sources", "target", "timeout");
    private static final List<String> GROUP_KEYS = List.of("name", "inbound");
    private static final List<String> RULE_KEYS = List.of("protocol", "ports", "from");
    private static final List<String> ACL_KEYS = List.of("name", "appliesTo", "inbound", "outbound");
    private static final List<String> ACL_ACTIONS = List.of("allow", "deny");
    private static final List<String> BALANCER_KEYS = List.of("securityGroup", "listeners", "algorithm", "healthCheck",
            "retries", "retryBudget", "outlierDetection", "deregistrationDelay", "slowStart", "connectTimeout",
            "minimumHealthyTargets", "maxFails");
    private static final List<String> AUTOSCALING_KEYS =
            List.of("template", "metric", "target", "min", "max", "cooldown", "evaluationPeriod", "healthCheckGracePeriod");
    private static final List<String> RETRY_BUDGET_KEYS = List.of("percent", "minConcurrency");
    private static final List<String> OUTLIER_KEYS =
            List.of("consecutive5xx", "interval", "baseEjectionTime", "maxEjectionPercent");
    private static final List<String> HEALTH_CHECK_KEYS =
            List.of("port", "interval", "timeout", "healthyThreshold", "unhealthyThreshold", "inBand", "probeWork");
    private static final List<String> SERVER_KEYS = List.of("name", "securityGroup", "workers", "queueCapacity",
            "speed", "weight", "count", "failures", "costPerHour", "bootTime");
    private static final List<String> PROCESSES = List.of("poisson", "constant");
    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp", "all");
    private static final List<String> ACTIONS = List.of("fail", "recover", "set-rate", "set-algorithm", "slow",
            "black-hole", "add-server", "remove-server", "set-weight", "set-security-rule");

    /** Keys and words of capabilities the design announces, so that they are "not supported yet". */
    private static final Set<String> PLANNED_TOP = Set.of();
    private static final Set<String> PLANNED_CLIENT = Set.of("mix");
    private static final Set<String> PLANNED_ARRIVALS = Set.of("users", "thinkTime", "states", "file", "format", "speedup");
    private static final Set<String> PLANNED_PROCESSES = Set.of("closed", "mmpp", "trace");
    private static final Set<String> PLANNED_BALANCER = Set.of("stickiness");
    private static final Set<String> PLANNED_SERVER = Set.of();

    /** Algorithm name → the rules of the parameters it accepts, by key. */
    private final Map<String, Map<String, ParameterRule>> algorithms;
    private final String defaultName;
    private final Problems problems;
    private final Values values;
    private final DistributionBinder distributions;

    ScenarioBinder(Map<String, Map<String, ParameterRule>> algorithms, String defaultName, Problems problems) {
        this.algorithms = algorithms;
        this.defaultName = defaultName;
        this.problems = problems;
        this.values = new Values(problems);
        this.distributions = new DistributionBinder(values, problems);
    }

    Scenario bind(Node root) {
        Fields top = Fields.of(root, "", "a scenario map with keys " + String.join(", ", TOP_KEYS), problems);
        top.allowOnly(TOP_KEYS, PLANNED_TOP);
        String name = optional(top, "name", defaultName, values::name);
        Long seed = optional(top, "seed", 1L, (n, p) -> values.integer(n, p, v -> true, "a whole number"));
        Node durationNode = top.require("duration", "the simulated time, a positive duration such as 10min");
        Double duration = durationNode == null ? null
                : values.duration(durationNode, "duration", d -> d > 0, Values.POSITIVE_DURATION);
        Double warmup = optional(top, "warmup", 0.0,
                (n, p) -> values.duration(n, p, d -> d >= 0, "a duration of 0 or more such as 1min"));
        if (duration != null && warmup != null && warmup >= duration) {
            Node warmupNode = top.get("warmup");
            values.reportFound(warmupNode, "warmup", ((ScalarNode) warmupNode).text(),
                    "a warmup shorter than the duration (" + ((ScalarNode) durationNode).text() + ")");
        }
        Long maxRequests = optional(top, "maxRequestsInSystem", Scenario.DEFAULT_MAX_REQUESTS_IN_SYSTEM,
                (n, p) -> values.integer(n, p, v -> v >= 1, "a whole number of at least 1"));

        Set<String> groupNames = groupNames(top.get("securityGroups"));
        List<SecurityGroupSpec> groups = securityGroups(top, groupNames);
        // Names are collected even from invalid entries, so that one mistake in a server or client
        // does not also make every reference to it "unknown".
        Map<String, Location> serverNames = new LinkedHashMap<>();
        List<ServerSpec> servers = servers(top, groupNames, serverNames);
        List<NetworkAclSpec> acls = networkAcls(top, serverNames.keySet());
        BalancerSpec balancer = balancer(top, groupNames);
        Map<String, Location> clientNames = new LinkedHashMap<>();
        List<ClientSpec> clients = clients(top, serverNames.keySet(), clientNames);
        String durationText = duration == null ? null : ((ScalarNode) durationNode).text();
        List<EventSpec> events = events(top, durationText, duration, serverNames.keySet(), clientNames.keySet(),
                groupNames);
        AutoscalingSpec autoscaling = autoscaling(top.get("autoscaling"), serverNames.keySet());

        if (problems.count() > 0) return null;
        return problems.construct(root.location(), "", () -> new Scenario(name, seed, duration, warmup, maxRequests,
                clients, groups, acls, balancer, servers, events, autoscaling));
    }

    // ---- autoscaling

    private AutoscalingSpec autoscaling(Node node, Set<String> serverNames) {
        if (node == null) return null;
        int before = problems.count();
        Fields f = Fields.of(node, "autoscaling", "an autoscaling map with keys " + String.join(", ", AUTOSCALING_KEYS),
                problems);
        f.allowOnly(AUTOSCALING_KEYS, Set.of());
        String template = reference(f, "template", serverNames, "server to copy");
        Node metricNode = f.require("metric", "utilization or requestsPerTarget");
        String metricName = metricNode == null ? null
                : values.choice(metricNode, f.pathOf("metric"), List.of("utilization", "requestsPerTarget"));
        AutoscalingSpec.Metric metric = metricName == null ? null
                : metricName.equals("utilization") ? AutoscalingSpec.Metric.UTILIZATION
                : AutoscalingSpec.Metric.REQUESTS_PER_TARGET;
        Node targetNode = f.require("target", "the metric's target value, such as 0.6 for utilization");
        Double target = targetNode == null ? null : values.number(targetNode, f.pathOf("target"),
                v -> v > 0 && (metric != AutoscalingSpec.Metric.UTILIZATION || v <= 1),
                metric == AutoscalingSpec.Metric.UTILIZATION ? "a utilization in (0, 1] such as 0.6"
                        : "a positive number of requests per second per instance");
        Integer min = optional(f, "min", 1, (n, p) -> values.smallInteger(n, p, 0, ScenarioBinder.MAX_COUNT,
                "a whole number from 0 to " + ScenarioBinder.MAX_COUNT));
        Integer max = optional(f, "max", 10, (n, p) -> values.smallInteger(n, p, 1, ScenarioBinder.MAX_COUNT,
                "a whole number from 1 to " + ScenarioBinder.MAX_COUNT));
        if (min != null && max != null && min > max) {
            problems.add(f.location(), "autoscaling", "found min " + min + " above max " + max + ", expected min <= max");
        }
        Double cooldown = optional(f, "cooldown", 300.0,
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 60s"));
        Double period = optional(f, "evaluationPeriod", 60.0,
                (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
        Double grace = optional(f, "healthCheckGracePeriod", Double.POSITIVE_INFINITY,
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 300s"));
        if (problems.count() > before) return null;
        return problems.construct(f.location(), "autoscaling",
                () -> new AutoscalingSpec(template, metric, target, min, max, cooldown, period, grace));
    }

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
        List<Node> items = list(top.get("securityGroups"), "securityGroups", "a list of security groups", false);
        for (int i = 0; i < items.size(); i++) {
            String path = "securityGroups[" + i + "]";
            int before = problems.count();
            Fields fields = Fields.of(items.get(i), path, "a security group map with keys name, inbound", problems);
            fields.allowOnly(GROUP_KEYS, Set.of());
            String name = uniqueName(fields, seen, "security group");
            List<RuleSpec> rules = new ArrayList<>();
            List<Node> ruleNodes = list(fields.get("inbound"), fields.pathOf("inbound"), "a list of inbound rules", false);
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
        Protocol protocol = protocol(fields.require("protocol", "one of: " + String.join(", ", PROTOCOLS)),
                fields.pathOf("protocol"));
        int[] ports = ports(fields, protocol);
        Node fromNode = fields.require("from", "a CIDR block such as 0.0.0.0/0 or a security group's name");
        RuleSpec.Source source = fromNode == null ? null : source(fromNode, fields.pathOf("from"), groupNames);
        if (problems.count() > before) return null;
        int[] range = ports;
        return problems.construct(fields.location(), path, () -> new RuleSpec(protocol, range[0], range[1], source));
    }

    /**
     * The port range of a rule: required for tcp and udp, refused for all and icmp (which cover
     * every port); null when wrong.
     */
    private int[] ports(Fields fields, Protocol protocol) {
        if (protocol == Protocol.ALL || protocol == Protocol.ICMP) {
            Node portsNode = fields.get("ports");
            if (portsNode != null) {
                values.reportFound(portsNode, fields.pathOf("ports"), Fields.describe(portsNode).replace("'", ""),
                        "no ports: protocol " + protocol.yamlName() + " covers every port");
            }
            return new int[] {0, 65535};
        }
        if (protocol == null) return new int[] {0, 65535};
        Node portsNode = fields.require("ports", "a port such as 80 or a range such as 1024-65535");
        return portsNode == null ? null : values.portRange(portsNode, fields.pathOf("ports"));
    }

    /** A CIDR block when it looks like an address (a digit first, or a colon anywhere), else the name of a group. */
    private RuleSpec.Source source(Node node, String path, Set<String> groupNames) {
        String text = values.text(node, path, "a CIDR block such as 0.0.0.0/0 or a security group's name");
        if (text == null) return null;
        if (looksLikeAddress(text)) {
            Cidr cidr = values.cidr(node, path);
            return cidr == null ? null : new RuleSpec.FromCidr(cidr);
        }
        if (groupNames.contains(text)) return new RuleSpec.FromGroup(text);
        problems.add(node.location(), path, "found '" + text + "'" + Suggestions.didYouMean(text, groupNames)
                + ", expected a CIDR block such as 0.0.0.0/0 or the name of a security group"
                + known("defined", groupNames));
        return null;
    }

    private static boolean looksLikeAddress(String text) {
        return !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.indexOf(':') >= 0);
    }

    // ---- network ACLs

    /** The {@code networkAcls:} list; each subnet (the balancer's, a server's) may have one ACL at most. */
    private List<NetworkAclSpec> networkAcls(Fields top, Set<String> serverNames) {
        List<NetworkAclSpec> acls = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        Map<String, String> aclOfSubnet = new HashMap<>();
        List<Node> items = list(top.get("networkAcls"), "networkAcls", "a list of network ACLs", false);
        for (int i = 0; i < items.size(); i++) {
            String path = "networkAcls[" + i + "]";
            int before = problems.count();
            Fields f = Fields.of(items.get(i), path, "a network ACL map with keys " + String.join(", ", ACL_KEYS), problems);
            f.allowOnly(ACL_KEYS, Set.of());
            String name = uniqueName(f, seen, "network ACL");
            List<String> appliesTo = new ArrayList<>();
            String expected = "a list of subnets: 'balancer' and/or server names";
            List<Node> targets = list(f.require("appliesTo", expected), f.pathOf("appliesTo"), expected, true);
            for (int t = 0; t < targets.size(); t++) {
                String target = aclTarget(targets.get(t), f.pathOf("appliesTo") + "[" + t + "]", serverNames, name,
                        aclOfSubnet);
                if (target != null) appliesTo.add(target);
            }
            List<AclRuleSpec> inbound = aclRules(f, "inbound", "from");
            List<AclRuleSpec> outbound = aclRules(f, "outbound", "to");
            if (problems.count() == before) {
                NetworkAclSpec acl = problems.construct(f.location(), path,
                        () -> new NetworkAclSpec(name, appliesTo, inbound, outbound));
                if (acl != null) acls.add(acl);
            }
        }
        return acls;
    }

    private String aclTarget(Node node, String path, Set<String> serverNames, String acl, Map<String, String> aclOfSubnet) {
        String text = values.name(node, path);
        if (text == null) return null;
        if (!text.equals(NetworkAclSpec.BALANCER) && !serverNames.contains(text)) {
            problems.add(node.location(), path, "found '" + text + "'" + Suggestions.didYouMean(text, serverNames)
                    + ", expected 'balancer' or the name of a server" + known("defined", serverNames));
            return null;
        }
        String earlier = aclOfSubnet.putIfAbsent(text, acl == null ? "?" : acl);
        if (earlier != null) {
            problems.add(node.location(), path, "found '" + text + "', whose subnet already has the network ACL '"
                    + earlier + "'; expected each subnet in one network ACL at most");
            return null;
        }
        return text;
    }

    /** One direction's rules, with unique numbers; {@code remoteKey} is {@code from} inbound and {@code to} outbound. */
    private List<AclRuleSpec> aclRules(Fields acl, String direction, String remoteKey) {
        List<AclRuleSpec> rules = new ArrayList<>();
        Map<Integer, Location> numbers = new HashMap<>();
        List<Node> nodes = list(acl.get(direction), acl.pathOf(direction), "a list of " + direction + " rules", false);
        for (int r = 0; r < nodes.size(); r++) {
            AclRuleSpec rule = aclRule(nodes.get(r), acl.pathOf(direction) + "[" + r + "]", remoteKey, numbers);
            if (rule != null) rules.add(rule);
        }
        return rules;
    }

    private AclRuleSpec aclRule(Node node, String path, String remoteKey, Map<Integer, Location> numbers) {
        int before = problems.count();
        List<String> keys = List.of("number", "action", "protocol", "ports", remoteKey);
        Fields f = Fields.of(node, path, "a rule map such as {number: 100, action: allow, protocol: tcp, ports: 80, "
                + remoteKey + ": 0.0.0.0/0}", problems);
        f.allowOnly(keys, Set.of());
        String numberRange = "a whole number from 1 to " + AclRuleSpec.MAX_NUMBER;
        Node numberNode = f.require("number", numberRange);
        Integer number = numberNode == null ? null
                : values.smallInteger(numberNode, f.pathOf("number"), 1, AclRuleSpec.MAX_NUMBER, numberRange);
        if (number != null) {
            Location earlier = numbers.putIfAbsent(number, numberNode.location());
            if (earlier != null) {
                problems.add(numberNode.location(), f.pathOf("number"), "found the rule number " + number
                        + " a second time (first at " + earlier.shortWhere() + "), expected unique numbers");
            }
        }
        Node actionNode = f.require("action", "allow or deny");
        String action = actionNode == null ? null : values.choice(actionNode, f.pathOf("action"), ACL_ACTIONS);
        Protocol protocol = protocol(f.require("protocol", "one of: " + String.join(", ", PROTOCOLS)), f.pathOf("protocol"));
        int[] ports = ports(f, protocol);
        String expected = "a CIDR block such as 0.0.0.0/0 or ::/0 (network ACL rules name no security groups)";
        Node remoteNode = f.require(remoteKey, expected);
        Cidr block = null;
        if (remoteNode != null) {
            String text = values.text(remoteNode, f.pathOf(remoteKey), expected);
            if (text != null && !looksLikeAddress(text)) {
                values.reportFound(remoteNode, f.pathOf(remoteKey), text, expected);
            } else if (text != null) {
                block = values.cidr(remoteNode, f.pathOf(remoteKey));
            }
        }
        if (problems.count() > before) return null;
        Cidr remote = block;
        return problems.construct(f.location(), path,
                () -> new AclRuleSpec(number, action.equals("allow"), protocol, ports[0], ports[1], remote));
    }

    private String groupReference(Fields fields, String key, Set<String> groupNames) {
        Node node = fields.get(key);
        if (node == null) return null;
        String text = values.name(node, fields.pathOf(key));
        if (text == null || groupNames.contains(text)) return text;
        problems.add(node.location(), fields.pathOf(key), "found '" + text + "'" + Suggestions.didYouMean(text, groupNames)
                + ", expected the name of a security group" + known("defined", groupNames));
        return null;
    }

    // ---- servers

    private List<ServerSpec> servers(Fields top, Set<String> groupNames, Map<String, Location> seen) {
        List<ServerSpec> servers = new ArrayList<>();
        List<Node> items = list(top.require("servers", "a list of at least one server"), "servers",
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
        Integer workers = optional(f, "workers", 1, (n, p) -> values.smallInteger(n, p, 1, Integer.MAX_VALUE, "a whole number of at least 1"));
        Integer queue = optional(f, "queueCapacity", ServerSpec.UNLIMITED_QUEUE,
                (n, p) -> values.smallInteger(n, p, 0, Integer.MAX_VALUE, "a whole number of 0 or more (omit it for unlimited)"));
        Double speed = optional(f, "speed", 1.0, (n, p) -> values.number(n, p, v -> v > 0, "a positive number such as 1.0"));
        Integer weight = optional(f, "weight", 1, (n, p) -> values.smallInteger(n, p, 0, Integer.MAX_VALUE, "a whole number of 0 or more"));
        Integer count = optional(f, "count", 1,
                (n, p) -> values.smallInteger(n, p, 1, MAX_COUNT, "a whole number from 1 to " + MAX_COUNT));
        Double costPerHour = optional(f, "costPerHour", 0.0,
                (n, p) -> values.number(n, p, v -> v >= 0, "a cost per hour of 0 or more such as 0.0416"));
        Double bootTime = optional(f, "bootTime", 0.0,
                (n, p) -> values.duration(n, p, d -> d >= 0, "a duration of 0 or more such as 30s"));
        List<FailureSpec> failures = new ArrayList<>();
        List<Node> failureNodes = list(f.get("failures"), f.pathOf("failures"), "a list of failures", false);
        for (int i = 0; i < failureNodes.size(); i++) {
            failures.add(failure(failureNodes.get(i), f.pathOf("failures") + "[" + i + "]"));
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

    private FailureSpec failure(Node node, String path) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "a failure map: {at, for} for a scheduled outage or {mtbf, mttr} for random ones",
                problems);
        boolean scheduled = f.has("at") || f.has("for");
        boolean random = f.has("mtbf") || f.has("mttr");
        List<String> common = List.of("kind", "factor", "passesHealthChecks");
        if (scheduled == random) {
            f.allowOnly(concat(List.of("at", "for", "mtbf", "mttr", "distribution", "shape"), common), Set.of());
            if (scheduled) {
                problems.add(f.location(), path, "found both {at, for} and {mtbf, mttr}, expected one of the two forms");
            } else {
                f.require("at", "{at, for} for a scheduled outage or {mtbf, mttr} for random ones");
            }
            return null;
        }
        f.allowOnly(concat(scheduled ? List.of("at", "for") : List.of("mtbf", "mttr", "distribution", "shape"), common),
                Set.of());
        FailureKind kind = optional(f, "kind", FailureKind.CRASH, (n, p) -> {
            String text = values.choice(n, p, FailureKind.yamlNames());
            return text == null ? null : FailureKind.fromYaml(text).orElseThrow();
        });
        Node factorNode = f.get("factor");
        double factor = 1;
        if (kind == FailureKind.SLOWDOWN) {
            Node required = f.require("factor", "the speed multiplier of the slowdown, in (0, 1], such as 0.25");
            Double value = required == null ? null : values.number(required, f.pathOf("factor"), v -> v > 0 && v <= 1,
                    "a number in (0, 1] such as 0.25 (the speed is multiplied by it)");
            factor = value == null ? 1 : value;
        } else if (factorNode != null) {
            problems.add(factorNode.location(), f.pathOf("factor"), "found a factor for a failure of kind '"
                    + (kind == null ? "?" : kind.yamlName()) + "', expected factor only with kind: slowdown");
        }
        Node passesNode = f.get("passesHealthChecks");
        boolean passes = kind == FailureKind.BLACK_HOLE;
        if (passesNode != null) {
            if (kind != FailureKind.BLACK_HOLE) {
                problems.add(passesNode.location(), f.pathOf("passesHealthChecks"),
                        "found passesHealthChecks for a failure that is not a black-hole, expected it only with kind: black-hole");
            } else {
                Boolean value = values.bool(passesNode, f.pathOf("passesHealthChecks"));
                passes = value == null || value;
            }
        }
        double shape = Double.NaN;
        if (random) {
            String distribution = optional(f, "distribution", "exponential",
                    (n, p) -> values.choice(n, p, List.of("exponential", "weibull")));
            Node shapeNode = f.get("shape");
            if ("weibull".equals(distribution)) {
                Node required = f.require("shape", "the Weibull shape, a positive number such as 1.5");
                Double value = required == null ? null
                        : values.number(required, f.pathOf("shape"), v -> v > 0, "a positive number such as 1.5");
                shape = value == null ? Double.NaN : value;
            } else if (shapeNode != null) {
                problems.add(shapeNode.location(), f.pathOf("shape"),
                        "found a shape, expected shape only with distribution: weibull");
            }
        }
        String first = scheduled ? "at" : "mtbf";
        String second = scheduled ? "for" : "mttr";
        Double a = requiredDuration(f, first, scheduled ? "a duration of 0 or more such as 5min" : Values.POSITIVE_DURATION,
                scheduled);
        Double b = requiredDuration(f, second, Values.POSITIVE_DURATION, false);
        if (problems.count() > before) return null;
        double finalFactor = factor;
        boolean finalPasses = passes;
        double finalShape = shape;
        return problems.construct(f.location(), path, () -> scheduled
                ? new FailureSpec.Scheduled(kind, finalFactor, finalPasses, a, b)
                : new FailureSpec.Random(kind, finalFactor, finalPasses, a, b, finalShape));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private Double requiredDuration(Fields f, String key, String expected, boolean zeroAllowed) {
        Node node = f.require(key, expected);
        return node == null ? null
                : values.duration(node, f.pathOf(key), zeroAllowed ? d -> d >= 0 : d -> d > 0, expected);
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
            List<Node> items = list(listenersNode, f.pathOf("listeners"), "a list of ports such as [80, 443]", true);
            for (int i = 0; i < items.size(); i++) listeners.add(values.port(items.get(i), f.pathOf("listeners") + "[" + i + "]"));
        }
        int defaultPort = listeners.isEmpty() || listeners.get(0) == null ? 80 : listeners.get(0);
        HealthCheckSpec healthCheck = healthCheck(f.get("healthCheck"), f.pathOf("healthCheck"), f.location(), defaultPort);
        BalancerPolicies policies = policies(f);
        if (problems.count() > before) return null;
        return problems.construct(f.location(), "balancer",
                () -> new BalancerSpec(group, listeners, algorithm, parameters, healthCheck, policies));
    }

    /** Retries, passive checks, draining and slow start, with the defaults of {@link BalancerPolicies#DEFAULTS}. */
    private BalancerPolicies policies(Fields f) {
        int before = problems.count();
        BalancerPolicies d = BalancerPolicies.DEFAULTS;
        Integer retries = optional(f, "retries", d.retries(),
                (n, p) -> values.smallInteger(n, p, 0, 10, "a whole number of retries from 0 to 10"));
        Double budgetPercent = d.retryBudgetPercent();
        Integer minConcurrency = d.retryMinConcurrency();
        Node budgetNode = f.get("retryBudget");
        if (budgetNode != null) {
            Fields b = Fields.of(budgetNode, f.pathOf("retryBudget"), "a map {percent, minConcurrency}", problems);
            b.allowOnly(RETRY_BUDGET_KEYS, Set.of());
            budgetPercent = optional(b, "percent", d.retryBudgetPercent(),
                    (n, p) -> values.number(n, p, v -> v >= 0 && v <= 100, "a percentage from 0 to 100"));
            minConcurrency = optional(b, "minConcurrency", d.retryMinConcurrency(),
                    (n, p) -> values.smallInteger(n, p, 0, Integer.MAX_VALUE, "a whole number of 0 or more"));
        }
        BalancerPolicies.OutlierDetectionSpec outliers = null;
        Node outlierNode = f.get("outlierDetection");
        if (outlierNode != null) {
            Fields o = Fields.of(outlierNode, f.pathOf("outlierDetection"),
                    "a map {consecutive5xx, interval, baseEjectionTime, maxEjectionPercent}", problems);
            o.allowOnly(OUTLIER_KEYS, Set.of());
            Integer consecutive = optional(o, "consecutive5xx", 5,
                    (n, p) -> values.smallInteger(n, p, 1, Integer.MAX_VALUE, "a whole number of at least 1"));
            Double interval = optional(o, "interval", 10.0, (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
            Double ejection = optional(o, "baseEjectionTime", 30.0,
                    (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
            Double maxPercent = optional(o, "maxEjectionPercent", 10.0,
                    (n, p) -> values.number(n, p, v -> v >= 0 && v <= 100, "a percentage from 0 to 100"));
            if (problems.count() == before) {
                outliers = problems.construct(o.location(), f.pathOf("outlierDetection"),
                        () -> new BalancerPolicies.OutlierDetectionSpec(consecutive, interval, ejection, maxPercent));
            }
        }
        Double deregistration = optional(f, "deregistrationDelay", d.deregistrationDelay(),
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 300s"));
        Double slowStart = optional(f, "slowStart", d.slowStart(),
                (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 (off) or more such as 30s"));
        Double connectTimeout = optional(f, "connectTimeout", d.connectTimeout(),
                (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
        BalancerPolicies.MaxFailsSpec maxFails = null;
        Node maxFailsNode = f.get("maxFails");
        if (maxFailsNode != null) {
            Fields m = Fields.of(maxFailsNode, f.pathOf("maxFails"), "a map {maxFails, failTimeout}", problems);
            m.allowOnly(List.of("maxFails", "failTimeout"), Set.of());
            Integer count = optional(m, "maxFails", 1,
                    (n, p) -> values.smallInteger(n, p, 1, Integer.MAX_VALUE, "a whole number of at least 1"));
            Double window = optional(m, "failTimeout", 10.0, (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
            if (count != null && window != null) maxFails = new BalancerPolicies.MaxFailsSpec(count, window);
        }
        Integer minimumHealthy = optional(f, "minimumHealthyTargets", d.minimumHealthyTargets(),
                (n, p) -> values.smallInteger(n, p, 0, ScenarioBinder.MAX_COUNT, "a whole number of 0 or more"));
        if (problems.count() > before) return d;
        var outlierSpec = outliers;
        var maxFailsSpec = maxFails;
        var percent = budgetPercent;
        var minimum = minConcurrency;
        return problems.construct(f.location(), "balancer", () -> new BalancerPolicies(retries, percent, minimum,
                outlierSpec, deregistration, slowStart, connectTimeout, minimumHealthy, maxFailsSpec));
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
        Integer port = optional(f, "port", defaultPort, values::port);
        Double interval = optional(f, "interval", HealthCheckSpec.DEFAULT_INTERVAL,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        Double timeout = optional(f, "timeout", HealthCheckSpec.DEFAULT_TIMEOUT,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        Integer healthy = optional(f, "healthyThreshold", HealthCheckSpec.DEFAULT_HEALTHY_THRESHOLD,
                (n, p) -> values.smallInteger(n, p, 1, Integer.MAX_VALUE, "a whole number of at least 1"));
        Integer unhealthy = optional(f, "unhealthyThreshold", HealthCheckSpec.DEFAULT_UNHEALTHY_THRESHOLD,
                (n, p) -> values.smallInteger(n, p, 1, Integer.MAX_VALUE, "a whole number of at least 1"));
        Boolean inBand = optional(f, "inBand", false, values::bool);
        Double probeWork = optional(f, "probeWork", HealthCheckSpec.DEFAULT_PROBE_WORK,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        if (timeout != null && interval != null && timeout >= interval) {
            Node at = f.has("timeout") ? f.get("timeout") : f.get("interval");
            problems.add(at.location(), f.pathOf(f.has("timeout") ? "timeout" : "interval"), "found a timeout of "
                    + seconds(timeout) + " and an interval of " + seconds(interval)
                    + ", expected the timeout shorter than the interval");
        }
        if (problems.count() > before) return null;
        return problems.construct(f.location(), path,
                () -> new HealthCheckSpec(port, interval, timeout, healthy, unhealthy, inBand, probeWork));
    }

    // ---- clients

    private List<ClientSpec> clients(Fields top, Set<String> serverNames, Map<String, Location> seen) {
        List<ClientSpec> clients = new ArrayList<>();
        List<Node> items = list(top.require("clients", "a list of at least one client"), "clients",
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
        String name = uniqueName(f, seen, "client");
        Node arrivalsNode = f.require("arrivals", "a map such as {process: poisson, rate: 150/s}");
        ArrivalSpec arrivals = arrivalsNode == null ? null : arrivals(arrivalsNode, f.pathOf("arrivals"));
        Node serviceNode = f.require("service", DistributionBinder.EXAMPLE);
        DistributionSpec service = serviceNode == null ? null : distributions.bind(serviceNode, f.pathOf("service"));
        Protocol protocol = optional(f, "protocol", Protocol.TCP, this::protocol);
        Integer port = optional(f, "port", 80, values::port);
        List<Cidr> sources = new ArrayList<>();
        Node sourcesNode = f.get("sources");
        if (sourcesNode == null) {
            sources.add(Cidr.ANY_IPV4);
        } else {
            List<Node> items = list(sourcesNode, f.pathOf("sources"), "a list of CIDR blocks such as [0.0.0.0/0, ::/0]", true);
            for (int i = 0; i < items.size(); i++) sources.add(values.cidr(items.get(i), f.pathOf("sources") + "[" + i + "]"));
        }
        String target = optional(f, "target", ClientSpec.BALANCER, (n, p) -> target(n, p, serverNames));
        Double timeout = optional(f, "timeout", Double.POSITIVE_INFINITY,
                (n, p) -> values.duration(n, p, d -> d > 0, Values.POSITIVE_DURATION));
        if (problems.count() > before) return null;
        return problems.construct(f.location(), path,
                () -> new ClientSpec(name, arrivals, service, protocol, port, sources, target, timeout));
    }

    private ArrivalSpec arrivals(Node node, String path) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "a map such as {process: poisson, rate: 150/s}", problems);
        Node processNode = f.require("process", "one of: " + String.join(", ", PROCESSES));
        String process = processNode == null ? null : values.text(processNode, f.pathOf("process"), "a process name");
        if (process != null && PLANNED_PROCESSES.contains(process)) {
            problems.add(processNode.location(), f.pathOf("process"), "found '" + process
                    + "', which is not supported yet; supported: " + String.join(", ", PROCESSES));
            return null;
        }
        if (process != null && !PROCESSES.contains(process)) {
            values.choice(processNode, f.pathOf("process"), PROCESSES);
        }
        f.allowOnly(List.of("process", "rate"), PLANNED_ARRIVALS);
        Node rateNode = f.require("rate", "a positive rate such as 150/s");
        Double rate = null;
        if (rateNode instanceof ListNode) {
            problems.add(rateNode.location(), f.pathOf("rate"), "found a list (a rate schedule), which is not "
                    + "supported yet; expected a single rate such as 150/s");
        } else if (rateNode != null) {
            rate = values.rate(rateNode, f.pathOf("rate"));
        }
        if (problems.count() > before) return null;
        double perSecond = rate;
        return problems.construct(f.location(), path, () -> process.equals("poisson")
                ? new ArrivalSpec.Poisson(perSecond) : new ArrivalSpec.Constant(perSecond));
    }

    private String target(Node node, String path, Set<String> serverNames) {
        String text = values.name(node, path);
        if (text == null || text.equals(ClientSpec.BALANCER) || serverNames.contains(text)) return text;
        problems.add(node.location(), path, "found '" + text + "'" + Suggestions.didYouMean(text, serverNames)
                + ", expected 'balancer' or the name of a server" + known("defined", serverNames));
        return null;
    }

    private Protocol protocol(Node node, String path) {
        String text = values.choice(node, path, PROTOCOLS);
        return text == null ? null : Protocol.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }

    // ---- events

    private List<EventSpec> events(Fields top, String durationText, Double duration, Set<String> serverNames,
            Set<String> clientNames, Set<String> groupNames) {
        List<EventSpec> events = new ArrayList<>();
        List<Node> items = list(top.get("events"), "events", "a list of events", false);
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
            case "fail", "recover" -> {
                f.allowOnly(List.of("at", "action", "server"), Set.of());
                String server = reference(f, "server", serverNames, "server");
                event = problems.count() > before ? null
                        : action.equals("fail") ? new EventSpec.Fail(at, server) : new EventSpec.Recover(at, server);
            }
            case "set-rate" -> {
                f.allowOnly(List.of("at", "action", "client", "rate"), Set.of());
                String client = reference(f, "client", clientNames, "client");
                Node rateNode = f.require("rate", "a positive rate such as 300/s");
                Double rate = rateNode == null ? null : values.rate(rateNode, f.pathOf("rate"));
                event = problems.count() > before ? null : new EventSpec.SetRate(at, client, rate);
            }
            case "slow" -> {
                f.allowOnly(List.of("at", "action", "server", "factor"), Set.of());
                String server = reference(f, "server", serverNames, "server");
                Node factorNode = f.require("factor", "the speed multiplier, in (0, 1], such as 0.25");
                Double factor = factorNode == null ? null : values.number(factorNode, f.pathOf("factor"),
                        v -> v > 0 && v <= 1, "a number in (0, 1] such as 0.25");
                event = problems.count() > before ? null : new EventSpec.Slow(at, server, factor);
            }
            case "black-hole", "remove-server" -> {
                f.allowOnly(List.of("at", "action", "server"), Set.of());
                String server = reference(f, "server", serverNames, "server");
                event = problems.count() > before ? null
                        : action.equals("black-hole") ? new EventSpec.BlackHole(at, server) : new EventSpec.RemoveServer(at, server);
            }
            case "add-server" -> {
                f.allowOnly(List.of("at", "action", "server", "template"), Set.of());
                String template = reference(f, "template", serverNames, "server to copy");
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
                String server = reference(f, "server", serverNames, "server");
                Node weightNode = f.require("weight", "a whole number of 0 or more");
                Integer weight = weightNode == null ? null
                        : values.smallInteger(weightNode, f.pathOf("weight"), 0, Integer.MAX_VALUE, "a whole number of 0 or more");
                event = problems.count() > before ? null : new EventSpec.SetWeight(at, server, weight);
            }
            case "set-security-rule" -> {
                f.allowOnly(List.of("at", "action", "group", "inbound"), Set.of());
                String group = reference(f, "group", groupNames, "security group");
                String expected = "a list of inbound rules (empty to deny everything)";
                Node inboundNode = f.require("inbound", expected);
                List<RuleSpec> rules = new ArrayList<>();
                List<Node> ruleNodes = inboundNode == null ? List.of() : list(inboundNode, f.pathOf("inbound"), expected, false);
                for (int r = 0; r < ruleNodes.size(); r++) {
                    rules.add(rule(ruleNodes.get(r), f.pathOf("inbound") + "[" + r + "]", groupNames));
                }
                event = problems.count() > before ? null : new EventSpec.SetSecurityRule(at, group, rules);
            }
            default -> {
                f.allowOnly(List.of("at", "action", "algorithm"), Set.of());
                Node algorithmNode = f.require("algorithm", "an algorithm name");
                String algorithm = algorithmNode == null ? null : algorithm(algorithmNode, f.pathOf("algorithm"), f.location());
                event = problems.count() > before ? null : new EventSpec.SetAlgorithm(at, algorithm);
            }
        }
        return event;
    }

    private String reference(Fields f, String key, Set<String> known, String what) {
        Node node = f.require(key, "the name of a " + what);
        if (node == null) return null;
        String text = values.name(node, f.pathOf(key));
        if (text == null || known.contains(text)) return text;
        problems.add(node.location(), f.pathOf(key), "found '" + text + "'" + Suggestions.didYouMean(text, known)
                + ", expected the name of a " + what + known("defined", known));
        return null;
    }

    // ---- shared helpers

    /** The value of an optional key: its default when absent, null when present and wrong. */
    private <T> T optional(Fields fields, String key, T defaultValue, BiFunction<Node, String, T> read) {
        Node node = fields.get(key);
        return node == null ? defaultValue : read.apply(node, fields.pathOf(key));
    }

    /**
     * The items of a list; absent gives an empty list. Anything but a list is reported, and so is
     * an empty list where at least one item is needed.
     */
    private List<Node> list(Node node, String path, String expected, boolean nonEmpty) {
        if (node == null) return List.of();
        if (!(node instanceof ListNode list)) {
            problems.add(node.location(), path, "found " + Fields.describe(node) + ", expected " + expected);
            return List.of();
        }
        if (nonEmpty && list.items().isEmpty()) {
            problems.add(node.location(), path, "found an empty list, expected " + expected);
        }
        return list.items();
    }

    /** The required {@code name} of a list item, reported where it repeats an earlier one. */
    private String uniqueName(Fields fields, Map<String, Location> seen, String what) {
        Node node = fields.require("name", "the " + what + "'s name");
        if (node == null) return null;
        String name = values.name(node, fields.pathOf("name"));
        if (name == null) return null;
        Location earlier = seen.putIfAbsent(name, node.location());
        if (earlier != null) {
            problems.add(node.location(), fields.pathOf("name"), "found the " + what + " name '" + name
                    + "' a second time (first at " + earlier.shortWhere() + "), expected unique names");
            return null;
        }
        return name;
    }

    private static String known(String adjective, Set<String> names) {
        return names.isEmpty() ? " (none " + adjective + ")" : " (" + adjective + ": " + String.join(", ", names) + ")";
    }

    /** Seconds for a message, without a trailing ".0": {@code 30s}, {@code 0.25s}. */
    private static String seconds(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "s";
    }
}
