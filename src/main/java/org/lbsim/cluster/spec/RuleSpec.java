package org.lbsim.cluster.spec;

/**
 * One inbound allow rule of a security group.
 *
 * @param fromPort first port allowed (ignored for {@link Protocol#ALL} and {@link Protocol#ICMP})
 * @param toPort   last port allowed, inclusive
 * @param source   who may connect: a CIDR block or the members of another group
 */
public record RuleSpec(Protocol protocol, int fromPort, int toPort, Source source) {

    public RuleSpec {
        if (fromPort < 0 || toPort > 65535 || fromPort > toPort) {
            throw new IllegalArgumentException("port range must be within 0-65535 and ascending");
        }
    }

    /** Where traffic a rule allows may come from. */
    public sealed interface Source {
    }

    /** Any address inside a CIDR block. */
    public record FromCidr(Cidr cidr) implements Source {
    }

    /** Any member of the named security group (AWS "referenced security group"). */
    public record FromGroup(String group) implements Source {
    }
}
