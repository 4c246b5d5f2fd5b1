package org.lbsim.cluster;

import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.Protocol;

/**
 * What a firewall rule matches, resolved for speed: a protocol, a port range and the remote
 * end, a CIDR block with its masks precomputed or (security groups only) a referenced group.
 * Security groups and network ACLs share it; a block of one family never matches an address of
 * the other, as in AWS. All in one flat object, since every request walks these.
 *
 * @param group the referenced security group whose members match, or null for a CIDR block
 */
record Block(Protocol protocol, int fromPort, int toPort, boolean ipv6, int network, int mask,
             long high, long low, long highMask, long lowMask, SecurityGroup group) {

    static Block of(Protocol protocol, int fromPort, int toPort, Cidr cidr) {
        long lowMask = Cidr.lowMask(cidr.ipv6(), cidr.prefixLength());
        return new Block(protocol, fromPort, toPort, cidr.ipv6(), (int) cidr.low(), (int) lowMask,
                cidr.high(), cidr.low(), Cidr.highMask(cidr.ipv6(), cidr.prefixLength()), lowMask, null);
    }

    /** A security-group rule whose source is the members of {@code group}. */
    static Block ofGroup(Protocol protocol, int fromPort, int toPort, SecurityGroup group) {
        return new Block(protocol, fromPort, toPort, false, 0, 0, 0, 0, 0, 0, group);
    }

    /** Whether traffic of {@code requestProtocol} to {@code port} matches, ignoring the address. */
    boolean matchesTraffic(Protocol requestProtocol, int port) {
        if (!protocol.covers(requestProtocol)) return false;
        // Protocol "all" and ICMP have no ports: AWS ignores the range for them.
        boolean portsApply = protocol == Protocol.TCP || protocol == Protocol.UDP;
        return !portsApply || (port >= fromPort && port <= toPort);
    }

    boolean contains(Address address) {
        if (address.ipv6 != ipv6) return false;
        if (!ipv6) return (address.ipv4 & mask) == network;
        return (address.high & highMask) == high && (address.low & lowMask) == low;
    }

    /** Whether traffic from {@code address}, a member of {@code sourceGroup} (or of none), matches. */
    boolean matches(Protocol requestProtocol, int port, Address address, SecurityGroup sourceGroup) {
        if (!matchesTraffic(requestProtocol, port)) return false;
        return group != null ? group == sourceGroup : contains(address);
    }
}
