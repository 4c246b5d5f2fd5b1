package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;

/**
 * A scenario's configuration after the events that have happened: the servers added and
 * removed, their weights, the algorithm, the clients' rates and the security groups' rules, as
 * {@code Cluster}'s control methods leave them. Impairments (fail, slow, black hole, cut off) are
 * states, not configuration, and change nothing here.
 */
final class CurrentConfiguration implements EventSpec.Visitor<Void> {

    private final Scenario scenario;
    /** Every server launched so far, as launched (an added one is its template's spec, renamed, without failures). */
    private final Map<String, ServerSpec> launched = new LinkedHashMap<>();
    private final Map<String, Integer> weights = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final Map<String, ClientSpec> clients = new LinkedHashMap<>();
    private final Map<String, SecurityGroupSpec> groups = new LinkedHashMap<>();
    private String algorithm;

    private CurrentConfiguration(Scenario scenario) {
        this.scenario = scenario;
        scenario.servers().forEach(server -> launched.put(server.name(), server));
        scenario.clients().forEach(client -> clients.put(client.name(), client));
        scenario.securityGroups().forEach(group -> groups.put(group.name(), group));
        algorithm = scenario.balancer().algorithm();
    }

    /**
     * {@code scenario} with {@code happened} applied, in order, and no events. A removed server
     * that the scenario still names (a client's target, a network ACL, the autoscaling template)
     * stays, with a {@code remove-server} event at time 0, so that the file still loads.
     */
    static Scenario after(Scenario scenario, List<EventSpec> happened) {
        CurrentConfiguration configuration = new CurrentConfiguration(scenario);
        happened.forEach(event -> event.accept(configuration));
        return configuration.scenario();
    }

    private Scenario scenario() {
        Set<String> named = namedElsewhere();
        List<ServerSpec> servers = new ArrayList<>();
        List<EventSpec> events = new ArrayList<>();
        for (ServerSpec server : launched.values()) {
            boolean gone = removed.contains(server.name());
            if (gone && !named.contains(server.name())) continue;
            servers.add(server.withWeight(weights.getOrDefault(server.name(), server.weight())));
            if (gone) events.add(new EventSpec.RemoveServer(0, server.name()));
        }
        return new Scenario(scenario.name(), scenario.seed(), scenario.duration(), scenario.warmup(),
                scenario.maxRequestsInSystem(), List.copyOf(clients.values()), List.copyOf(groups.values()),
                scenario.networkAcls(), scenario.balancer().withAlgorithm(algorithm), servers, events,
                scenario.autoscaling());
    }

    private Set<String> namedElsewhere() {
        Set<String> named = new HashSet<>();
        scenario.clients().forEach(client -> named.add(client.target()));
        for (NetworkAclSpec acl : scenario.networkAcls()) named.addAll(acl.appliesTo());
        if (scenario.autoscaling() != null) named.add(scenario.autoscaling().template());
        return named;
    }

    @Override
    public Void addServer(EventSpec.AddServer event) {
        ServerSpec template = launched.get(event.template());
        if (template != null && !launched.containsKey(event.server())) {
            launched.put(event.server(), template.named(event.server()));
        }
        return null;
    }

    @Override
    public Void removeServer(EventSpec.RemoveServer event) {
        if (launched.containsKey(event.server())) removed.add(event.server());
        return null;
    }

    @Override
    public Void setWeight(EventSpec.SetWeight event) {
        if (launched.containsKey(event.server())) weights.put(event.server(), event.weight());
        return null;
    }

    @Override
    public Void setRate(EventSpec.SetRate event) {
        ClientSpec client = clients.get(event.client());
        if (client != null && client.arrivals() instanceof ArrivalSpec.Open open) {
            clients.put(client.name(), client.withArrivals(open.withRate(event.rate())));
        }
        return null;
    }

    @Override
    public Void setAlgorithm(EventSpec.SetAlgorithm event) {
        algorithm = event.algorithm();
        return null;
    }

    @Override
    public Void setSecurityRule(EventSpec.SetSecurityRule event) {
        if (groups.containsKey(event.group())) groups.put(event.group(), new SecurityGroupSpec(event.group(), event.inbound()));
        return null;
    }

    // Impairments are states of a running server: a saved scenario's servers start up.

    @Override
    public Void fail(EventSpec.Fail event) {
        return null;
    }

    @Override
    public Void recover(EventSpec.Recover event) {
        return null;
    }

    @Override
    public Void slow(EventSpec.Slow event) {
        return null;
    }

    @Override
    public Void blackHole(EventSpec.BlackHole event) {
        return null;
    }

    @Override
    public Void cutOff(EventSpec.CutOff event) {
        return null;
    }
}
