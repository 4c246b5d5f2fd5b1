package org.lbsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RequestClassSpec;

/**
 * Binds {@code clients:}: each client's arrivals, its service (or a mix of request classes), its
 * protocol, port and source addresses, its target (the balancer or a server) and its timeout.
 */
final class ClientsBinder {

    static final Key<String> PROTOCOL = Key.optional("protocol", new ValueRule.Choice(Binding.PROTOCOLS), "tcp", "tcp",
            "protocol of the requests, checked by security groups");
    static final Key<Integer> PORT = Key.optional("port", new ValueRule.Port(), 80, "80", "destination port");
    static final Key<Double> TIMEOUT = Key.optional("timeout", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            Double.POSITIVE_INFINITY, null, "the client gives up after this long; none: it waits forever");

    /** A client of {@code clients:}. */
    static final MapRule CLIENT = MapRule.of("a client: who sends requests, how often and what they cost",
                    Key.described("name", new ValueRule.Name(), true, "unique among clients; events refer to it"),
                    Key.described("arrivals", ArrivalsBinder.ARRIVALS, true, "how requests arrive in time"),
                    Key.described("service", DistributionBinder.DISTRIBUTION, false,
                            "work per request, in seconds at speed 1.0; required unless mix (or a trace)"),
                    Key.described("mix", new ValueRule.ListOf(new ValueRule.Section(ArrivalsBinder.REQUEST_CLASS), 1), false,
                            "request classes instead of one service"),
                    PROTOCOL, PORT,
                    Key.described("sources", new ValueRule.ListOf(new ValueRule.CidrBlock(), 1), false,
                            "source addresses are drawn from these CIDR blocks; default [0.0.0.0/0]"),
                    Key.described("target", new ValueRule.Text("balancer or a server's name"), false,
                            "balancer (default) or a server's name, to bypass the balancer"),
                    TIMEOUT)
            .with(new MapRule.NotBoth("service", "mix"),
                    new MapRule.OneOfRequired(List.of("service", "mix"), "arrivals", "process", "trace"));

    private static final List<String> CLIENT_KEYS = CLIENT.names();

    /**
     * The clients bound, and the names that events may refer to.
     *
     * @param names every client name written, even in an invalid entry, so that one mistake in a
     *              client does not also make every reference to it unknown
     */
    record Clients(List<ClientSpec> specs, Set<String> names) {

        /** Closed-loop and trace clients: they have no rate that a {@code set-rate} event could set. */
        Set<String> withoutRate() {
            return specs.stream().filter(c -> !(c.arrivals() instanceof ArrivalSpec.Open)).map(ClientSpec::name)
                    .collect(Collectors.toSet());
        }
    }

    private final Problems problems;
    private final Values values;
    private final Binding binding;
    private final DistributionBinder distributions;
    private final ArrivalsBinder arrivalsBinder;

    ClientsBinder(Problems problems, Values values, Binding binding, Path folder) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
        this.distributions = new DistributionBinder(values, problems);
        this.arrivalsBinder = new ArrivalsBinder(problems, values, binding, distributions, folder);
    }

    Clients clients(Fields top, Set<String> serverNames) {
        List<ClientSpec> clients = new ArrayList<>();
        Map<String, Location> seen = new LinkedHashMap<>();
        List<Node> items = binding.list(top.require("clients", "a list of at least one client"), "clients",
                "a list of at least one client", true);
        for (int i = 0; i < items.size(); i++) {
            ClientSpec client = client(items.get(i), "clients[" + i + "]", serverNames, seen);
            if (client != null) clients.add(client);
        }
        return new Clients(clients, seen.keySet());
    }

    private ClientSpec client(Node node, String path, Set<String> serverNames, Map<String, Location> seen) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "a client map with keys " + String.join(", ", CLIENT_KEYS), problems);
        f.allowOnly(CLIENT_KEYS);
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
        Integer port = binding.optional(f, PORT);
        List<Cidr> sources = new ArrayList<>();
        Node sourcesNode = f.get("sources");
        if (sourcesNode == null) {
            sources.add(Cidr.ANY_IPV4);
        } else {
            List<Node> items = binding.list(sourcesNode, f.pathOf("sources"), "a list of CIDR blocks such as [0.0.0.0/0, ::/0]", true);
            for (int i = 0; i < items.size(); i++) sources.add(values.cidr(items.get(i), f.pathOf("sources") + "[" + i + "]"));
        }
        String target = binding.optional(f, "target", ClientSpec.BALANCER, (n, p) -> target(n, p, serverNames));
        Double timeout = binding.optional(f, TIMEOUT);
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
}
