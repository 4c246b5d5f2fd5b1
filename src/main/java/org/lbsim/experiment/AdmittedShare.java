package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.SecurityGroupSpec;

/**
 * The share of a client's requests a security group lets in. A request's source address is a
 * block chosen uniformly among the client's {@code sources}, then an address uniform inside it
 * (docs/model.md), so the share is the mean, over the client's blocks, of the fraction of each
 * block the group's rules cover. Two CIDR blocks are nested or disjoint, so within one source
 * block the rules cover either all of it or a union of disjoint sub-blocks, measured exactly.
 *
 * <p>The draw does not depend on time: the admitted requests of a Poisson client are an
 * independent thinning of it, still Poisson, at the rate times this share.
 */
final class AdmittedShare {

    private AdmittedShare() {
    }

    /** The share of {@code client}'s requests {@code group} admits, from 0 to 1. */
    static double of(SecurityGroupSpec group, ClientSpec client) {
        List<Cidr> allowed = new ArrayList<>();
        for (RuleSpec rule : group.inbound()) {
            // A client is no member of any group: only address rules can let it in.
            if (rule.source() instanceof RuleSpec.FromCidr fromCidr && covers(rule, client.protocol(), client.port())) {
                allowed.add(fromCidr.cidr());
            }
        }
        double total = 0;
        for (Cidr source : client.sources()) total += coveredFraction(source, allowed);
        return total / client.sources().size();
    }

    private static boolean covers(RuleSpec rule, Protocol protocol, int port) {
        boolean portless = rule.protocol() == Protocol.ALL || rule.protocol() == Protocol.ICMP;
        return rule.protocol().covers(protocol) && (portless || rule.fromPort() <= port && port <= rule.toPort());
    }

    /** The fraction of {@code source}'s addresses inside some block of {@code allowed}. */
    static double coveredFraction(Cidr source, List<Cidr> allowed) {
        List<Cidr> inside = new ArrayList<>();
        for (Cidr block : allowed) {
            if (block.ipv6() != source.ipv6()) continue;
            if (contains(block, source)) return 1;
            if (contains(source, block)) inside.add(block);
        }
        double fraction = 0;
        for (Cidr block : inside) {
            boolean nested = inside.stream().anyMatch(other -> other != block && contains(other, block)
                    && (other.prefixLength() < block.prefixLength() || inside.indexOf(other) < inside.indexOf(block)));
            if (!nested) fraction += Math.pow(2, source.prefixLength() - block.prefixLength());
        }
        return fraction;
    }

    /** Whether block {@code outer} contains block {@code inner} (same family). */
    private static boolean contains(Cidr outer, Cidr inner) {
        if (outer.prefixLength() > inner.prefixLength()) return false;
        boolean v6 = outer.ipv6();
        return (inner.high() & Cidr.highMask(v6, outer.prefixLength())) == outer.high()
                && (inner.low() & Cidr.lowMask(v6, outer.prefixLength())) == outer.low();
    }
}
