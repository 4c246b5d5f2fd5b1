package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.ServerSpec;

/**
 * Binds {@code servers:}: each entry's group, capacity, weight, cost, boot time and failures,
 * expanded into {@code count} servers whose names must all differ.
 */
final class ServersBinder {

    static final Key<String> NAME = Key.required("name", new ValueRule.Name(), "the server's name",
            "unique after count expansion");
    static final Key<Void> SECURITY_GROUP = Key.described("securityGroup", new ValueRule.Text("a security group's name"),
            false, "the group guarding the instance; none: no filtering");
    static final Key<Integer> WORKERS = Key.optional("workers",
            new ValueRule.Int(1, Bounds.MAX_WORKERS, "a whole number from 1 to 100,000"), 1, "1",
            "requests in service at once");
    static final Key<Integer> QUEUE_CAPACITY = Key.optional("queueCapacity", new ValueRule.Int(0, Integer.MAX_VALUE,
                    "a whole number from 0 to 2147483647 (omit it for unlimited)"), ServerSpec.UNLIMITED_QUEUE, null,
            "requests that may wait; when full, new ones are rejected; omitted: unlimited");
    static final Key<Double> SPEED = Key.optional("speed", ValueRule.Decimal.closed(Bounds.MIN_SPEED, Bounds.MAX_SPEED,
            "a number from 0.001 to 1000 such as 1.0"), 1.0, "1.0", "work per second: a request of work w takes w/speed seconds");
    static final Key<Integer> WEIGHT = Key.optional("weight", new ValueRule.Int(0, Bounds.MAX_WEIGHT,
            Binding.WEIGHT_RANGE), 1, "1", "weight for the weighted algorithms");
    static final Key<Integer> COUNT = Key.optional("count", new ValueRule.Int(1, Bounds.MAX_COUNT,
            "a whole number from 1 to " + Bounds.MAX_COUNT), 1, "1", "replicate this entry into NAME-1 ... NAME-N");
    static final Key<Void> FAILURES = Key.described("failures", new ValueRule.ListOf(
            new ValueRule.Section(FailureBinder.FAILURE), 0), false, "impairments of each replica");
    static final Key<Double> COST_PER_HOUR = Key.optional("costPerHour", ValueRule.Decimal.closed(0,
            Bounds.MAX_COST_PER_HOUR, "a cost per hour from 0 to 1000000 such as 0.0416"), 0.0, "0",
            "what the instance costs per hour it runs (any currency)");
    static final Key<Double> BOOT_TIME = Key.optional("bootTime",
            ValueRule.Duration.atLeastZero("a duration of 0 or more such as 30s"), 0.0, "0s",
            "an instance added during the run answers nothing for this long");

    /** A server entry of {@code servers:}. */
    static final MapRule SERVER = MapRule.of("a server entry, expanded into count servers", NAME, SECURITY_GROUP,
            WORKERS, QUEUE_CAPACITY, SPEED, WEIGHT, COUNT, FAILURES, COST_PER_HOUR, BOOT_TIME);

    private static final List<String> SERVER_KEYS = SERVER.names();

    /**
     * The servers bound, and the names that later sections may refer to.
     *
     * @param names           every server name written, even in an invalid entry, so that one
     *                        mistake in a server does not also make every reference to it unknown
     * @param replicasOfEntry an entry with {@code count > 1}, by its own name, to its replicas'
     *                        names: what a network ACL's {@code appliesTo} may name
     */
    record Servers(List<ServerSpec> specs, Set<String> names, Map<String, List<String>> replicasOfEntry) {
    }

    private final Problems problems;
    private final Values values;
    private final Binding binding;
    private final FailureBinder failureBinder;

    ServersBinder(Problems problems, Values values, Binding binding) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
        this.failureBinder = new FailureBinder(problems, values, binding);
    }

    Servers servers(Fields top, Set<String> groupNames) {
        List<ServerSpec> servers = new ArrayList<>();
        Map<String, Location> seen = new LinkedHashMap<>();
        Map<String, List<String>> replicasOfEntry = new LinkedHashMap<>();
        List<Node> items = binding.list(top.require("servers", "a list of at least one server"), "servers",
                "a list of at least one server", true);
        for (int i = 0; i < items.size(); i++) {
            servers.addAll(entry(items.get(i), "servers[" + i + "]", groupNames, seen, replicasOfEntry));
        }
        return new Servers(servers, seen.keySet(), replicasOfEntry);
    }

    /** One entry of {@code servers:}, expanded into {@code count} servers. */
    private List<ServerSpec> entry(Node node, String path, Set<String> groupNames, Map<String, Location> seen,
                                   Map<String, List<String>> replicasOfEntry) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "a server map with keys " + String.join(", ", SERVER_KEYS), problems);
        f.allowOnly(SERVER_KEYS);
        Node nameNode = f.require(NAME.name(), NAME.missing());
        String name = nameNode == null ? null : values.name(nameNode, f.pathOf("name"));
        String group = binding.optional(f, "securityGroup", null,
                (n, p) -> binding.reference(n, p, groupNames, "security group"));
        Integer workers = binding.optional(f, WORKERS);
        Integer queue = binding.optional(f, QUEUE_CAPACITY);
        Double speed = binding.optional(f, SPEED);
        Integer weight = binding.optional(f, WEIGHT);
        Integer count = binding.optional(f, COUNT);
        Double costPerHour = binding.optional(f, COST_PER_HOUR);
        Double bootTime = binding.optional(f, BOOT_TIME);
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
}
