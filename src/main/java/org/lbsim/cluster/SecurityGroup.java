package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.metrics.SecurityGroupResult;

/**
 * A security group with AWS semantics: inbound allow rules only, default deny, stateful (the
 * answer to an admitted request is always let out, so only the inbound direction is checked).
 * A rule matches on protocol, port range and source, where the source is a CIDR block or
 * membership of a referenced group; IPv4 and IPv6 blocks each match only their own family. It
 * counts its denials and which rule admitted each request.
 *
 * <p>Its inbound rules may be replaced while a run is live ({@link #replaceRules}): connections
 * already admitted stay open, as AWS keeps tracked connections, and the per-rule hit counters
 * start again from zero for the new rules.
 */
final class SecurityGroup {

    private final String name;
    private Block[] rules;
    private long[] hits;
    private long denied;
    /** Denials since time 0, warm-up included, for live observers. */
    private long deniedAll;
    private boolean counting;

    private SecurityGroup(String name, Block[] rules) {
        this.name = name;
        this.rules = rules;
        this.hits = new long[rules.length];
    }

    /** Builds every group of the scenario; a referenced group is resolved among them. */
    static List<SecurityGroup> build(List<SecurityGroupSpec> specs) {
        List<SecurityGroup> groups = new ArrayList<>();
        for (SecurityGroupSpec spec : specs) groups.add(new SecurityGroup(spec.name(), new Block[spec.inbound().size()]));
        for (int g = 0; g < specs.size(); g++) {
            List<RuleSpec> ruleSpecs = specs.get(g).inbound();
            for (int r = 0; r < ruleSpecs.size(); r++) groups.get(g).rules[r] = rule(ruleSpecs.get(r), groups);
        }
        return groups;
    }

    /** Replaces the inbound rules, resolving referenced groups among {@code groups}; hit counts restart. */
    void replaceRules(List<RuleSpec> specs, List<SecurityGroup> groups) {
        Block[] replaced = new Block[specs.size()];
        for (int r = 0; r < replaced.length; r++) replaced[r] = rule(specs.get(r), groups);
        rules = replaced;
        hits = new long[replaced.length];
    }

    /** One allow rule, resolved: a referenced group is the group object itself. */
    private static Block rule(RuleSpec spec, List<SecurityGroup> groups) {
        if (spec.source() instanceof RuleSpec.FromGroup fromGroup) {
            return Block.ofGroup(spec.protocol(), spec.fromPort(), spec.toPort(), find(groups, fromGroup.group()));
        }
        return Block.of(spec.protocol(), spec.fromPort(), spec.toPort(), ((RuleSpec.FromCidr) spec.source()).cidr());
    }

    static SecurityGroup find(List<SecurityGroup> groups, String name) {
        if (name == null) return null;
        return groups.stream().filter(g -> g.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no security group " + name));
    }

    String name() {
        return name;
    }

    /**
     * Whether a connection from {@code source} (a member of {@code sourceGroup}, or of
     * none when null) on {@code protocol}/{@code port} is let in. Counts the hit or the denial.
     */
    boolean admits(Protocol protocol, int port, Address source, SecurityGroup sourceGroup) {
        Block[] current = rules;
        for (int i = 0; i < current.length; i++) {
            if (current[i].matches(protocol, port, source, sourceGroup)) {
                if (counting) hits[i]++;
                return true;
            }
        }
        if (counting) denied++;
        deniedAll++;
        return false;
    }

    /** Whether the group would admit the connection, without counting it (health checks' reachability). */
    boolean wouldAdmit(Protocol protocol, int port, Address source, SecurityGroup sourceGroup) {
        for (Block rule : rules) {
            if (rule.matches(protocol, port, source, sourceGroup)) return true;
        }
        return false;
    }

    /** Counting starts at the end of the warm-up, with the rest of the statistics. */
    void startCounting() {
        counting = true;
    }

    ClusterSnapshot.GroupState state() {
        return new ClusterSnapshot.GroupState(name, deniedAll);
    }

    SecurityGroupResult result() {
        List<SecurityGroupResult.RuleHits> ruleHits = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) ruleHits.add(new SecurityGroupResult.RuleHits(i, hits[i]));
        return new SecurityGroupResult(name, denied, ruleHits);
    }
}
