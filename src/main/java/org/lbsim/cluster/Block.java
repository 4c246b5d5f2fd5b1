package org.lbsim.cluster;

import org.lbsim.scenario.Cidr;
import org.lbsim.scenario.Protocol;

/**
 * What a firewall rule matches, resolved for speed: a protocol, a port range and a CIDR block
 * with its masks precomputed. Security groups and network ACLs share it; a block of one family
 * never matches an address of the other, as in AWS.
 */
record Block(Protocol protocol, int fromPort, int toPort, boolean ipv6, int network, int mask,
             long high, long low, long highMask, long lowMask) {

    static Block of(Protocol protocol, int fromPort, int toPort, Cidr cidr) {
        long lowMask = Cidr.lowMask(cidr.ipv6(), cidr.prefixLength());
        return new Block(protocol, fromPort, toPort, cidr.ipv6(), (int) cidr.low(), (int) lowMask,
                cidr.high(), cidr.low(), Cidr.highMask(cidr.ipv6(), cidr.prefixLength()), lowMask);
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

    boolean matches(Protocol requestProtocol, int port, Address address) {
        return matchesTraffic(requestProtocol, port) && contains(address);
    }
}
