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

    static final Key<Long> SEED = Key.optional("seed", new ValueRule.Long64(Long.MIN_VALUE, Long.MAX_VALUE,
            "a whole number from -9223372036854775808 to 9223372036854775807"), 1L, "1",
            "the seed every random stream is derived from");
    static final Key<Double> DURATION = Key.required("duration", new ValueRule.Duration(0, true, Bounds.MAX_RUN, false,
                    "a positive duration of at most 365d (a year) such as 10min"),
            "the simulated time, a positive duration such as 10min", "simulated time of a run");
    static final Key<Double> WARMUP = Key.optional("warmup",
            ValueRule.Duration.atLeastZero("a duration of 0 or more such as 1min"), 0.0, "0",
            "requests arriving before it are not counted; less than duration");
    static final Key<Long> MAX_REQUESTS = Key.optional("maxRequestsInSystem", new ValueRule.Long64(1,
                    Bounds.MAX_REQUESTS_IN_SYSTEM, "a whole number of at least 1 and at most 100_000_000"),
            Scenario.DEFAULT_MAX_REQUESTS_IN_SYSTEM, "10_000_000", "cap on requests held at once");

    /** The scenario file's top level: the root of every rule the loader applies. */
    static final MapRule TOP = MapRule.of("an lbsim scenario: a simulated load-balanced cluster",
            Key.described("name", new ValueRule.Name(), false, "shown in results; default: the file name without extension"),
            SEED, DURATION, WARMUP, MAX_REQUESTS,
            Key.described("clients", new ValueRule.ListOf(new ValueRule.Section(ClientsBinder.CLIENT), 1), true,
                    "who sends requests"),
            Key.described("securityGroups", new ValueRule.ListOf(new ValueRule.Section(SecurityGroupsBinder.GROUP), 0),
                    false, "firewalls, referenced by the balancer and servers"),
            Key.described("networkAcls", new ValueRule.ListOf(new ValueRule.Section(NetworkAclBinder.ACL), 0), false,
                    "stateless subnet firewalls"),
            Key.described("balancer", new ValueRule.Section(BalancerBinder.BALANCER), false, "the load balancer"),
            Key.described("servers", new ValueRule.ListOf(new ValueRule.Section(ServersBinder.SERVER), 1), true,
                    "the instances behind the balancer"),
            Key.described("events", new ValueRule.ListOf(EventsBinder.EVENT, 0), false, "a scripted timeline"),
            Key.described("autoscaling", new ValueRule.Section(AutoscalingBinder.AUTOSCALING), false,
                    "target tracking: instances added and removed to hold a metric"));

    private static final List<String> TOP_KEYS = TOP.names();

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
        Long seed = binding.optional(top, SEED);
        Node durationNode = top.get("duration");
        Double duration = binding.require(top, DURATION);
        Double warmup = binding.optional(top, WARMUP);
        if (duration != null && warmup != null && warmup >= duration) {
            Node warmupNode = top.get("warmup");
            values.reportFound(warmupNode, "warmup", ((ScalarNode) warmupNode).text(),
                    "a warmup shorter than the duration (" + ((ScalarNode) durationNode).text() + ")");
        }
        Long maxRequests = binding.optional(top, MAX_REQUESTS);

        Set<String> groupNames = SecurityGroupsBinder.names(top.get("securityGroups"));
        List<SecurityGroupSpec> groups = groupsBinder.securityGroups(top, groupNames);
        ServersBinder.Servers servers = serversBinder.servers(top, groupNames);
        List<NetworkAclSpec> acls = aclBinder.networkAcls(top, servers.names(), servers.replicasOfEntry());
        BalancerSpec balancer = balancerBinder.balancer(top, groupNames);
        ClientsBinder.Clients clients = clientsBinder.clients(top, servers.names());
        String durationText = duration == null ? null : ((ScalarNode) durationNode).text();
        EventsBinder.Timeline timeline = eventsBinder.events(top.get("events"), duration, durationText,
                new EventsBinder.Subjects(servers.names(), clients.names(), clients.withoutRate(), groupNames,
                        AutoscalingBinder.templateAsWritten(top.get("autoscaling"))));
        AutoscalingSpec autoscaling = autoscalingBinder.autoscaling(top.get("autoscaling"), servers.names());
        if (problems.count() == 0) totalsCheck.check(top, servers.specs(), timeline, autoscaling, balancer);

        if (problems.count() > 0) return null;
        return problems.construct(root.location(), "", () -> new Scenario(name, seed, duration, warmup, maxRequests,
                clients.specs(), groups, acls, balancer, servers.specs(), timeline.events(), autoscaling));
    }
}
