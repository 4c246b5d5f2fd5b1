package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.scenario.Node.ListNode;
import org.lbsim.scenario.Node.MapNode;
import org.lbsim.scenario.Node.ScalarNode;

/**
 * Binds {@code securityGroups:} and their inbound rules, whose sources are CIDR blocks or other
 * groups; a {@code set-security-rule} event's rules are bound the same way.
 */
final class SecurityGroupsBinder {

    /** An inbound rule of a security group (and of a {@code set-security-rule} event). */
    static final MapRule RULE = MapRule.of("a rule such as {protocol: tcp, ports: 80, from: 0.0.0.0/0}",
                    Key.described("protocol", new ValueRule.Choice(Binding.PROTOCOLS), true, "all is every protocol"),
                    Key.described("ports", new ValueRule.PortRange(), false,
                            "destination ports allowed; required for tcp and udp, absent for icmp and all"),
                    Key.described("from", new ValueRule.Text("a CIDR block such as 0.0.0.0/0 or a security group's name"), true,
                            "a CIDR block, or the name of a security group whose members may connect"))
            .with(new MapRule.OnlyWhen("ports", "protocol", List.of("tcp", "udp"), true));

    static final MapRule GROUP = MapRule.of("a security group: allow rules; whatever no rule allows is denied",
            Key.described("name", new ValueRule.Name(), true, "unique among groups"),
            Key.described("inbound", new ValueRule.ListOf(new ValueRule.Section(RULE), 0), false,
                    "allow rules; none: everything denied"));

    private static final List<String> GROUP_KEYS = GROUP.names();
    private static final List<String> RULE_KEYS = RULE.names();

    private final Problems problems;
    private final Values values;
    private final Binding binding;

    SecurityGroupsBinder(Problems problems, Values values, Binding binding) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
    }

    /** Every group's name, read first because rules and servers may name a group defined later. */
    static Set<String> names(Node node) {
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

    List<SecurityGroupSpec> securityGroups(Fields top, Set<String> groupNames) {
        List<SecurityGroupSpec> groups = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        List<Node> items = binding.list(top.get("securityGroups"), "securityGroups", "a list of security groups", false);
        for (int i = 0; i < items.size(); i++) {
            String path = "securityGroups[" + i + "]";
            int before = problems.count();
            Fields fields = Fields.of(items.get(i), path, "a security group map with keys name, inbound", problems);
            fields.allowOnly(GROUP_KEYS);
            String name = binding.uniqueName(fields, seen, "security group");
            List<RuleSpec> rules = rules(fields, "a list of inbound rules", groupNames);
            if (problems.count() == before) groups.add(new SecurityGroupSpec(name, rules));
        }
        return groups;
    }

    /** The rules of the list under {@code inbound}; an invalid rule is reported and kept as null. */
    List<RuleSpec> rules(Fields fields, String expected, Set<String> groupNames) {
        List<RuleSpec> rules = new ArrayList<>();
        List<Node> ruleNodes = binding.list(fields.get("inbound"), fields.pathOf("inbound"), expected, false);
        for (int r = 0; r < ruleNodes.size(); r++) {
            rules.add(rule(ruleNodes.get(r), fields.pathOf("inbound") + "[" + r + "]", groupNames));
        }
        return rules;
    }

    private RuleSpec rule(Node node, String path, Set<String> groupNames) {
        int before = problems.count();
        Fields fields = Fields.of(node, path, "a rule map such as {protocol: tcp, ports: 80, from: 0.0.0.0/0}", problems);
        fields.allowOnly(RULE_KEYS);
        Protocol protocol = binding.protocol(fields.require("protocol", "one of: " + String.join(", ", Binding.PROTOCOLS)),
                fields.pathOf("protocol"));
        int[] ports = binding.ports(fields, protocol);
        Node fromNode = fields.require("from", "a CIDR block such as 0.0.0.0/0 or a security group's name");
        RuleSpec.Source source = fromNode == null ? null : source(fromNode, fields.pathOf("from"), groupNames);
        if (problems.count() > before) return null;
        return problems.construct(fields.location(), path, () -> new RuleSpec(protocol, ports[0], ports[1], source));
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
}
