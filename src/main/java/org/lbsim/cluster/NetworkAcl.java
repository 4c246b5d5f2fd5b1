package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lbsim.cluster.spec.AclRuleSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.metrics.NetworkAclResult;

/**
 * A network ACL with AWS semantics: stateless, so each direction is checked on its own and the
 * answer to an admitted connection needs an outbound rule of its own; numbered allow and deny
 * rules evaluated in ascending number, the first match deciding; whatever no rule matches is
 * denied (the {@code *} rule). Counts each rule's hits and every denial, from the warm-up's end.
 *
 * <p>A hit is one connection's first packet in one direction (a SYN or a SYN-ACK), not every
 * packet: the per-rule counts then read as connections, like the security groups' counts.
 */
final class NetworkAcl {

    private final String name;
    private final Direction inbound;
    private final Direction outbound;
    private long denied;
    private boolean counting;

    NetworkAcl(NetworkAclSpec spec) {
        this.name = spec.name();
        this.inbound = new Direction("inbound", spec.inbound());
        this.outbound = new Direction("outbound", spec.outbound());
    }

    String name() {
        return name;
    }

    /** Whether traffic entering the subnet from {@code source} to {@code port} passes; counts it when {@code count}. */
    boolean allowsIn(Protocol protocol, int port, Address source, boolean count) {
        return decide(inbound, protocol, port, source, count);
    }

    /** Whether traffic leaving the subnet for {@code destination}'s {@code port} passes; counts it when {@code count}. */
    boolean allowsOut(Protocol protocol, int port, Address destination, boolean count) {
        return decide(outbound, protocol, port, destination, count);
    }

    private boolean decide(Direction direction, Protocol protocol, int port, Address remote, boolean count) {
        count &= counting;
        Rule[] rules = direction.rules;
        for (int i = 0; i < rules.length; i++) {
            Rule rule = rules[i];
            if (rule.block.matches(protocol, port, remote, null)) {
                if (count) direction.hits[i]++;
                if (!rule.allow && count) denied++;
                return rule.allow;
            }
        }
        if (count) denied++;
        return false;
    }

    /** Counting starts at the end of the warm-up, with the rest of the statistics. */
    void startCounting() {
        counting = true;
    }

    NetworkAclResult result() {
        List<NetworkAclResult.RuleHits> hits = new ArrayList<>();
        inbound.addHits(hits);
        outbound.addHits(hits);
        return new NetworkAclResult(name, denied, hits);
    }

    /** One direction's rules in evaluation order, with their hit counters. */
    private static final class Direction {
        private final String name;
        private final Rule[] rules;
        private final long[] hits;

        Direction(String name, List<AclRuleSpec> specs) {
            this.name = name;
            this.rules = specs.stream().sorted(Comparator.comparingInt(AclRuleSpec::number))
                    .map(spec -> new Rule(spec.number(), spec.allow(),
                            Block.of(spec.protocol(), spec.fromPort(), spec.toPort(), spec.block())))
                    .toArray(Rule[]::new);
            this.hits = new long[rules.length];
        }

        void addHits(List<NetworkAclResult.RuleHits> into) {
            for (int i = 0; i < rules.length; i++) into.add(new NetworkAclResult.RuleHits(name, rules[i].number, hits[i]));
        }
    }

    private record Rule(int number, boolean allow, Block block) {
    }
}
