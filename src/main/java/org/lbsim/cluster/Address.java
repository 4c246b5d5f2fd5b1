package org.lbsim.cluster;

import org.lbsim.cluster.spec.Cidr;

/**
 * An IP address as firewall rules see it: IPv4 in an int, so that the common case costs one
 * compare and mask, or IPv6 as two longs. A request's source address is one of these, reused
 * with the pooled request; the balancer's and servers' addresses never change.
 */
final class Address {

    boolean ipv6;
    /** The IPv4 address, unsigned in an int; unused for IPv6. */
    int ipv4;
    /** The IPv6 address's high and low 64 bits; unused for IPv4. */
    long high;
    long low;

    static Address ipv4(String dotted) {
        Address address = new Address();
        address.setIpv4(Cidr.parseAddress(dotted, dotted));
        return address;
    }

    /** An address in a block's family from its text, such as {@code 10.0.0.1} or {@code 2001:db8::1}. */
    static Address parse(String text) {
        Cidr single = Cidr.parse(text);
        Address address = new Address();
        if (single.ipv6()) {
            address.setIpv6(single.high(), single.low());
        } else {
            address.setIpv4((int) single.low());
        }
        return address;
    }

    void setIpv4(int value) {
        ipv6 = false;
        ipv4 = value;
    }

    void setIpv6(long highBits, long lowBits) {
        ipv6 = true;
        high = highBits;
        low = lowBits;
    }

    /**
     * The address folded into an int for address-hashing algorithms: the IPv4 address itself,
     * or for IPv6 the xor of its four 32-bit words, so that every bit counts.
     */
    int hash() {
        if (!ipv6) return ipv4;
        return (int) (high >>> 32) ^ (int) high ^ (int) (low >>> 32) ^ (int) low;
    }

    @Override
    public String toString() {
        return ipv6 ? new Cidr(true, high, low, 128).toString().replace("/128", "") : Cidr.formatAddress(ipv4);
    }
}
