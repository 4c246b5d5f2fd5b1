package org.lbsim.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.AutoscalingSpec;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.scenario.Node.ScalarNode;

/**
 * Binds a located tree to a {@link Scenario}: reads the top-level keys (name, seed, duration,
 * warmup, the cap on requests) and has each section bound by its own binder, handing each the
 * names it may refer to. Every problem is recorded where it was written; returns null when
 * anything is wrong, and the problems say what.
 *
 * <p>Sections are bound in the order their references need: security-group names, then servers
 * (which name groups), network ACLs (which name servers), the balancer, clients (which target
 * servers), events (which name all of these) and autoscaling (which copies a server); then the
 * totals over every server a run may hold.
 */
final class ScenarioBinder {

    private static final List<String> TOP_KEYS = List.of("name", "seed", "duration", "warmup",
            "maxRequestsInSystem", "clients", "securityGroups", "networkAcls", "balancer", "servers", "events",
            "autoscaling");

    private final String defaultName;
    private final Problems problems;
    private final Values values;
    private final Binding binding;
    private final SecurityGroupsBinder groupsBinder;
    private final ServersBinder serversBinder;
    private final NetworkAclBinder aclBinder;
    private final BalancerBinder balancerBinder;
    private final ClientsBinder clientsBinder;
    private final EventsBinder eventsBinder;
    private final AutoscalingBinder autoscalingBinder;
    private final ServerTotalsCheck totalsCheck;

    /**
     * @param algorithms  algorithm name → the rules of the parameters it accepts, by key
     * @param defaultName the scenario's name when it gives none
     * @param folder      the folder relative file names (a trace's) are read from
     */
    ScenarioBinder(Map<String, Map<String, ParameterRule>> algorithms, String defaultName, Problems problems,
                   Path folder) {
        this.defaultName = defaultName;
        this.problems = problems;
        this.values = new Values(problems);
        this.binding = new Binding(problems, values);
        AlgorithmBinder algorithmBinder = new AlgorithmBinder(algorithms, problems, values);
        this.groupsBinder = new SecurityGroupsBinder(problems, values, binding);
        this.serversBinder = new ServersBinder(problems, values, binding);
        this.aclBinder = new NetworkAclBinder(problems, values, binding);
        this.balancerBinder = new BalancerBinder(problems, values, binding, algorithmBinder);
        this.clientsBinder = new ClientsBinder(problems, values, binding, folder);
        this.eventsBinder = new EventsBinder(problems, values, binding, algorithmBinder, groupsBinder);
        this.autoscalingBinder = new AutoscalingBinder(problems, values, binding);
        this.totalsCheck = new ServerTotalsCheck(problems, algorithmBinder);
    }

    Scenario bind(Node root) {
        Fields top = Fields.of(root, "", "a scenario map with keys " + String.join(", ", TOP_KEYS), problems);
        top.allowOnly(TOP_KEYS);
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

        Set<String> groupNames = SecurityGroupsBinder.names(top.get("securityGroups"));
        List<SecurityGroupSpec> groups = groupsBinder.securityGroups(top, groupNames);
        ServersBinder.Servers servers = serversBinder.servers(top, groupNames);
        List<NetworkAclSpec> acls = aclBinder.networkAcls(top, servers.names(), servers.replicasOfEntry());
        BalancerSpec balancer = balancerBinder.balancer(top, groupNames);
        ClientsBinder.Clients clients = clientsBinder.clients(top, servers.names());
        String durationText = duration == null ? null : ((ScalarNode) durationNode).text();
        EventsBinder.Timeline timeline = eventsBinder.events(top.get("events"), duration, durationText,
                new EventsBinder.Subjects(servers.names(), clients.names(), clients.withoutRate(), groupNames));
        AutoscalingSpec autoscaling = autoscalingBinder.autoscaling(top.get("autoscaling"), servers.names());
        if (problems.count() == 0) totalsCheck.check(top, servers.specs(), timeline, autoscaling, balancer);

        if (problems.count() > 0) return null;
        return problems.construct(root.location(), "", () -> new Scenario(name, seed, duration, warmup, maxRequests,
                clients.specs(), groups, acls, balancer, servers.specs(), timeline.events(), autoscaling));
    }
}
