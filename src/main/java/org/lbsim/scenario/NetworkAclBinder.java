package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.AclRuleSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;

/** Binds {@code networkAcls:}: the subnets they apply to and their numbered, stateless rules. */
final class NetworkAclBinder {

    static final List<String> ACL_ACTIONS = List.of("allow", "deny");

    /** A numbered rule of a network ACL; {@code remoteKey} is {@code from} inbound and {@code to} outbound. */
    static MapRule rule(String remoteKey) {
        return MapRule.of("a rule such as {number: 100, action: allow, protocol: tcp, ports: 80, " + remoteKey + ": 0.0.0.0/0}",
                        Key.described("number", new ValueRule.Int(1, AclRuleSpec.MAX_NUMBER,
                                "a whole number from 1 to " + AclRuleSpec.MAX_NUMBER), true,
                                "evaluation order, ascending; unique within the list"),
                        Key.described("action", new ValueRule.Choice(ACL_ACTIONS), true, "what a match does"),
                        Key.described("protocol", new ValueRule.Choice(Binding.PROTOCOLS), true, "as in security groups"),
                        Key.described("ports", new ValueRule.PortRange(), false,
                                "destination ports; required for tcp and udp, absent for icmp and all"),
                        Key.described(remoteKey, new ValueRule.CidrBlock(), true,
                                "the remote end, a CIDR block (never a security group)"))
                .with(new MapRule.OnlyWhen("ports", "protocol", List.of("tcp", "udp"), true));
    }

    static final MapRule ACL = MapRule.of("a network ACL: stateless rules guarding subnets",
            Key.described("name", new ValueRule.Name(), true, "unique among network ACLs"),
            Key.described("appliesTo", new ValueRule.ListOf(new ValueRule.Text("balancer or a server's name"), 1), true,
                    "the subnets it guards: balancer and/or server names"),
            Key.described("inbound", new ValueRule.ListOf(new ValueRule.Section(rule("from")), 0), false,
                    "rules for traffic entering the subnet; none: everything denied"),
            Key.described("outbound", new ValueRule.ListOf(new ValueRule.Section(rule("to")), 0), false,
                    "rules for traffic leaving the subnet; none: everything denied"));

    static final List<String> ACL_KEYS = ACL.names();

    private final Problems problems;
    private final Values values;
    private final Binding binding;

    NetworkAclBinder(Problems problems, Values values, Binding binding) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
    }

    /**
     * The {@code networkAcls:} list; each subnet (the balancer's, a server's) may have one ACL at most.
     *
     * @param replicasOfEntry a server entry with {@code count > 1}, by its own name, to its
     *                        replicas: naming the entry puts every replica in the ACL's subnet
     */
    List<NetworkAclSpec> networkAcls(Fields top, Set<String> serverNames, Map<String, List<String>> replicasOfEntry) {
        List<NetworkAclSpec> acls = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        Map<String, String> aclOfSubnet = new HashMap<>();
        List<Node> items = binding.list(top.get("networkAcls"), "networkAcls", "a list of network ACLs", false);
        for (int i = 0; i < items.size(); i++) {
            String path = "networkAcls[" + i + "]";
            int before = problems.count();
            Fields f = Fields.of(items.get(i), path, "a network ACL map with keys " + String.join(", ", ACL_KEYS), problems);
            f.allowOnly(ACL_KEYS);
            String name = binding.uniqueName(f, seen, "network ACL");
            List<String> appliesTo = new ArrayList<>();
            String expected = "a list of subnets: 'balancer' and/or server names";
            List<Node> targets = binding.list(f.require("appliesTo", expected), f.pathOf("appliesTo"), expected, true);
            for (int t = 0; t < targets.size(); t++) {
                appliesTo.addAll(aclTargets(targets.get(t), f.pathOf("appliesTo") + "[" + t + "]", serverNames,
                        replicasOfEntry, name, aclOfSubnet));
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

    /** The subnets one {@code appliesTo} item names: the balancer's, a server's, or every replica of an entry's. */
    private List<String> aclTargets(Node node, String path, Set<String> serverNames,
                                    Map<String, List<String>> replicasOfEntry, String acl, Map<String, String> aclOfSubnet) {
        String text = values.name(node, path);
        if (text == null) return List.of();
        List<String> subnets;
        if (text.equals(NetworkAclSpec.BALANCER) || serverNames.contains(text)) {
            subnets = List.of(text);
        } else if (replicasOfEntry.containsKey(text)) {
            subnets = replicasOfEntry.get(text);
        } else {
            problems.add(node.location(), path, "found " + Fields.quote(text) + Suggestions.didYouMean(text, serverNames)
                    + ", expected 'balancer' or the name of a server" + Binding.known("defined", serverNames));
            return List.of();
        }
        List<String> accepted = new ArrayList<>();
        for (String subnet : subnets) {
            String earlier = aclOfSubnet.putIfAbsent(subnet, acl == null ? "?" : acl);
            if (earlier != null) {
                problems.add(node.location(), path, "found '" + subnet + "', whose subnet already has the network ACL '"
                        + earlier + "'; expected each subnet in one network ACL at most");
            } else {
                accepted.add(subnet);
            }
        }
        return accepted;
    }

    /** One direction's rules, with unique numbers; {@code remoteKey} is {@code from} inbound and {@code to} outbound. */
    private List<AclRuleSpec> aclRules(Fields acl, String direction, String remoteKey) {
        List<AclRuleSpec> rules = new ArrayList<>();
        Map<Integer, Location> numbers = new HashMap<>();
        List<Node> nodes = binding.list(acl.get(direction), acl.pathOf(direction), "a list of " + direction + " rules", false);
        for (int r = 0; r < nodes.size(); r++) {
            AclRuleSpec rule = aclRule(nodes.get(r), acl.pathOf(direction) + "[" + r + "]", remoteKey, numbers);
            if (rule != null) rules.add(rule);
        }
        return rules;
    }

    private AclRuleSpec aclRule(Node node, String path, String remoteKey, Map<Integer, Location> numbers) {
        int before = problems.count();
        List<String> keys = rule(remoteKey).names();
        Fields f = Fields.of(node, path, "a rule map such as {number: 100, action: allow, protocol: tcp, ports: 80, "
                + remoteKey + ": 0.0.0.0/0}", problems);
        f.allowOnly(keys);
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
        Protocol protocol = binding.protocol(f.require("protocol", "one of: " + String.join(", ", Binding.PROTOCOLS)), f.pathOf("protocol"));
        int[] ports = binding.ports(f, protocol);
        String expected = "a CIDR block such as 0.0.0.0/0 or ::/0 (network ACL rules name no security groups)";
        Node remoteNode = f.require(remoteKey, expected);
        Cidr block = null;
        if (remoteNode != null) {
            String text = values.text(remoteNode, f.pathOf(remoteKey), expected);
            if (text != null && !Binding.looksLikeAddress(text)) {
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
}
