package org.lbsim.cluster.spec;

/**
 * One numbered rule of a network ACL, for one direction.
 *
 * @param number   its place in the evaluation order, 1 to {@value #MAX_NUMBER} (AWS's range)
 * @param allow    true for {@code action: allow}, false for {@code action: deny}
 * @param fromPort first port it matches (ignored for {@link Protocol#ALL} and {@link Protocol#ICMP})
 * @param toPort   last port it matches, inclusive
 * @param block    the remote end: the source of inbound traffic, the destination of outbound traffic
 */
public record AclRuleSpec(int number, boolean allow, Protocol protocol, int fromPort, int toPort, Cidr block) {

    /** The highest rule number AWS accepts. */
    public static final int MAX_NUMBER = 32766;

    public AclRuleSpec {
        if (number < 1 || number > MAX_NUMBER) throw new IllegalArgumentException("rule number must be 1-" + MAX_NUMBER);
        if (fromPort < 0 || toPort > 65535 || fromPort > toPort) {
            throw new IllegalArgumentException("port range must be within 0-65535 and ascending");
        }
    }
}
