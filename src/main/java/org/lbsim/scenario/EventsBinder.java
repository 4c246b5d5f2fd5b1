package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.RuleSpec;

/**
 * Binds {@code events:}, the scripted timeline: each event's time within the run, its action, and
 * the server, client, security group or algorithm it names. A server an {@code add-server} event
 * launches may be named by the events after it.
 */
final class EventsBinder {

    /**
     * What events may name: servers and clients by every name written, security groups.
     *
     * @param autoscaledFrom the autoscaling template, or null: the instances launched from it
     *                       ({@code TEMPLATE-as-N}) may be named too, as a lesson clicked on them does
     */
    record Subjects(Set<String> servers, Set<String> clients, Set<String> clientsWithoutRate, Set<String> groups,
                    String autoscaledFrom) {
    }

    /** Server names written so far, and the names the autoscaler gives the instances it launches. */
    private static final class ServerNames extends HashSet<String> {
        private final java.util.regex.Pattern autoscaled;

        ServerNames(Set<String> written, String template) {
            super(written);
            autoscaled = template == null ? null
                    : java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(template + "-as-") + "[1-9][0-9]*");
        }

        @Override
        public boolean contains(Object name) {
            return super.contains(name) || autoscaled != null && name instanceof String s && autoscaled.matcher(s).matches();
        }
    }

    /**
     * The events bound.
     *
     * @param switchedTo each algorithm a {@code set-algorithm} event switches to, where it is first named
     */
    record Timeline(List<EventSpec> events, Map<String, Place> switchedTo) {
    }

    static final Key<Double> RATE = Key.required("rate", ValueRule.Rate.POSITIVE, "a positive rate such as 300/s",
            "the client's new arrival rate");
    static final Key<Double> FACTOR = Key.required("factor", new ValueRule.Decimal(0, true, 1, false,
            "a number in (0, 1] such as 0.25"), "the speed multiplier, in (0, 1], such as 0.25", "the speed multiplier");
    static final Key<Integer> WEIGHT = Key.required("weight", new ValueRule.Int(0, Bounds.MAX_WEIGHT, Binding.WEIGHT_RANGE),
            Binding.WEIGHT_RANGE, "the balancer's new weight for the server");

    /** Every key an event may hold, by name; {@link EventAction} says which each action takes. */
    private static final Map<String, Key<?>> KEYS = new LinkedHashMap<>();

    static {
        List.<Key<?>>of(
                Key.described("at", ValueRule.Duration.atLeastZero("a time from 0 to the duration"), true,
                        "when the event happens, from 0 to the scenario's duration"),
                Key.described("action", new ValueRule.Choice(EventAction.yamlNames()), true, "what happens"),
                Key.described("server", new ValueRule.Text("a server's name"), true,
                        "the server, by its name after count expansion (add-server: the new server's name)"),
                Key.described("client", new ValueRule.Text("a client's name"), true, "the client"),
                RATE,
                Key.described("algorithm", new ValueRule.Algorithm(), true, "the algorithm to switch to"),
                FACTOR,
                Key.described("template", new ValueRule.Text("a server's name"), true, "the server to copy"),
                WEIGHT,
                Key.described("group", new ValueRule.Text("a security group's name"), true, "the security group"),
                Key.described("inbound", new ValueRule.ListOf(new ValueRule.Section(SecurityGroupsBinder.RULE), 0), true,
                        "the group's new inbound rules (empty: deny everything)"))
                .forEach(key -> KEYS.put(key.name(), key));
    }

    /** An event of {@code events:}: its keys depend on {@code action}. */
    static final ValueRule.Tagged EVENT = event();

    private static ValueRule.Tagged event() {
        Map<String, MapRule> variants = new LinkedHashMap<>();
        for (EventAction action : EventAction.values()) {
            variants.put(action.yamlName(), new MapRule("a " + action.yamlName() + " event",
                    action.keys().stream().<Key<?>>map(KEYS::get).toList(), List.of()));
        }
        return new ValueRule.Tagged("action", variants, "an event such as {at: 3min, action: fail, server: web-2}");
    }

    private final Problems problems;
    private final Values values;
    private final Binding binding;
    private final AlgorithmBinder algorithms;
    private final SecurityGroupsBinder groupsBinder;

    EventsBinder(Problems problems, Values values, Binding binding, AlgorithmBinder algorithms,
                 SecurityGroupsBinder groupsBinder) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
        this.algorithms = algorithms;
        this.groupsBinder = groupsBinder;
    }

    /**
     * @param duration     the run's length, or null when it is wrong (then any time of 0 or more is taken)
     * @param durationText the run's length as written, for messages
     */
    Timeline events(Node node, Double duration, String durationText, Subjects subjects) {
        List<EventSpec> events = new ArrayList<>();
        Map<String, Place> switchedTo = new LinkedHashMap<>();
        List<Node> items = binding.list(node, "events", "a list of events", false);
        // A copy whose servers grow with the add-server events, in order.
        Subjects soFar = new Subjects(new ServerNames(subjects.servers(), subjects.autoscaledFrom()), subjects.clients(),
                subjects.clientsWithoutRate(), subjects.groups(), subjects.autoscaledFrom());
        for (int i = 0; i < items.size(); i++) {
            EventSpec event = event(items.get(i), "events[" + i + "]", duration, durationText, soFar, switchedTo);
            if (event != null) events.add(event);
        }
        return new Timeline(events, switchedTo);
    }

    private EventSpec event(Node node, String path, Double duration, String durationText, Subjects subjects,
                            Map<String, Place> switchedTo) {
        int before = problems.count();
        Fields f = Fields.of(node, path, "an event map such as {at: 3min, action: fail, server: web-2}", problems);
        String inRange = duration == null ? "a duration of 0 or more"
                : "a time from 0 to the duration (" + durationText + ")";
        Node atNode = f.require("at", inRange);
        Double at = atNode == null ? null
                : values.duration(atNode, f.pathOf("at"), t -> t >= 0 && (duration == null || t <= duration), inRange);
        EventAction action = action(f);
        if (action == null) {
            // Any action's keys are accepted, so that only the action is reported.
            f.allowOnly(EventAction.everyKey());
            return null;
        }
        f.allowOnly(action.keys());
        Supplier<EventSpec> event = switch (action) {
            case FAIL -> onServer(f, subjects, server -> new EventSpec.Fail(at, server));
            case RECOVER -> onServer(f, subjects, server -> new EventSpec.Recover(at, server));
            case BLACK_HOLE -> onServer(f, subjects, server -> new EventSpec.BlackHole(at, server));
            case CUT_OFF -> onServer(f, subjects, server -> new EventSpec.CutOff(at, server));
            case REMOVE_SERVER -> onServer(f, subjects, server -> new EventSpec.RemoveServer(at, server));
            case SET_RATE -> setRate(f, at, subjects);
            case SET_ALGORITHM -> setAlgorithm(f, at, switchedTo);
            case SLOW -> slow(f, at, subjects);
            case ADD_SERVER -> addServer(f, at, subjects);
            case SET_WEIGHT -> setWeight(f, at, subjects);
            case SET_SECURITY_RULE -> setSecurityRule(f, at, subjects);
        };
        return problems.count() > before ? null : event.get();
    }

    private EventAction action(Fields f) {
        Node node = f.require("action", "one of: " + String.join(", ", EventAction.yamlNames()));
        String name = node == null ? null : values.choice(node, f.pathOf("action"), EventAction.yamlNames());
        return name == null ? null : EventAction.fromYaml(name).orElseThrow();
    }

    // Each action reads its keys, reporting what is wrong, and returns how to build its event:
    // called only when nothing was wrong.

    /** An action that names a server and nothing else. */
    private Supplier<EventSpec> onServer(Fields f, Subjects subjects, Function<String, EventSpec> event) {
        String server = binding.reference(f, "server", subjects.servers(), "server");
        return () -> event.apply(server);
    }

    private Supplier<EventSpec> setRate(Fields f, Double at, Subjects subjects) {
        String client = binding.reference(f, "client", subjects.clients(), "client");
        if (subjects.clientsWithoutRate().contains(client)) {
            problems.add(f.get("client").location(), f.pathOf("client"), "found '" + client
                    + "', a client of closed-loop users or a trace, expected an open client: only those have a rate to set");
        }
        Double rate = binding.require(f, RATE);
        return () -> new EventSpec.SetRate(at, client, rate);
    }

    private Supplier<EventSpec> setAlgorithm(Fields f, Double at, Map<String, Place> switchedTo) {
        Node algorithmNode = f.require("algorithm", "an algorithm name");
        String algorithm = algorithmNode == null ? null
                : algorithms.name(algorithmNode, f.pathOf("algorithm"), f.location());
        if (algorithm != null) switchedTo.putIfAbsent(algorithm, new Place(algorithmNode.location(), f.pathOf("algorithm")));
        return () -> new EventSpec.SetAlgorithm(at, algorithm);
    }

    private Supplier<EventSpec> slow(Fields f, Double at, Subjects subjects) {
        String server = binding.reference(f, "server", subjects.servers(), "server");
        Double factor = binding.require(f, FACTOR);
        return () -> new EventSpec.Slow(at, server, factor);
    }

    private Supplier<EventSpec> addServer(Fields f, Double at, Subjects subjects) {
        String template = binding.reference(f, "template", subjects.servers(), "server to copy");
        Node nameNode = f.require("server", "the new server's name");
        String name = nameNode == null ? null : values.name(nameNode, f.pathOf("server"));
        if (name != null && subjects.servers().contains(name)) {
            problems.add(nameNode.location(), f.pathOf("server"), "found '" + name
                    + "', which names an existing server; expected a new name");
        }
        if (name != null) subjects.servers().add(name); // later events may refer to it
        return () -> new EventSpec.AddServer(at, name, template);
    }

    private Supplier<EventSpec> setWeight(Fields f, Double at, Subjects subjects) {
        String server = binding.reference(f, "server", subjects.servers(), "server");
        Integer weight = binding.require(f, WEIGHT);
        return () -> new EventSpec.SetWeight(at, server, weight);
    }

    private Supplier<EventSpec> setSecurityRule(Fields f, Double at, Subjects subjects) {
        String group = binding.reference(f, "group", subjects.groups(), "security group");
        String expected = "a list of inbound rules (empty to deny everything)";
        f.require("inbound", expected);
        List<RuleSpec> rules = groupsBinder.rules(f, expected, subjects.groups());
        return () -> new EventSpec.SetSecurityRule(at, group, rules);
    }
}
