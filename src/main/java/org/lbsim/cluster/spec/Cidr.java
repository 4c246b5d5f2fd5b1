package org.lbsim.cluster.spec;

/**
 * An IPv4 or IPv6 block in CIDR notation, such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}.
 *
 * <p>An IPv4 block keeps its network in the low 32 bits of {@code low} ({@code high} is 0); an
 * IPv6 block keeps the 128 bits as two longs, most significant first. The two families never
 * overlap: as in AWS, an IPv4 block contains no IPv6 address, not even an IPv4-mapped one.
 *
 * @param ipv6         the family: false for IPv4
 * @param high         bits 0-63 of an IPv6 network; 0 for IPv4
 * @param low          bits 64-127 of an IPv6 network, or the IPv4 network as an unsigned value
 * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Cidr(boolean ipv6, long high, long low, int prefixLength) {

    /** Every IPv4 address: the default client source. */
    public static final Cidr ANY_IPV4 = new Cidr(false, 0, 0, 0);

    public Cidr {
        int bits = ipv6 ? 128 : 32;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be 0.." + bits);
        }
        if (!ipv6 && (high != 0 || (low >>> 32) != 0)) throw new IllegalArgumentException("an IPv4 network has 32 bits");
        if ((high & ~highMask(ipv6, prefixLength)) != 0 || (low & ~lowMask(ipv6, prefixLength)) != 0) {
            throw new IllegalArgumentException("address has bits set beyond the prefix length");
        }
    }

    /**
     * Parses {@code a.b.c.d/n}, an IPv6 block such as {@code 2001:db8::/32}, or a bare address
     * (a /32 or a /128).
     *
     * @throws IllegalArgumentException with a message fit for a user when the text is not a CIDR
     */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        int bits = v6 ? 128 : 32;
        int prefix = bits;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!prefixText.matches("\\d{1,3}")) throw notCidr(text);
            prefix = Integer.parseInt(prefixText);
            if (prefix > bits) throw notCidr(text);
        }
        long high = 0;
        long low;
        if (v6) {
            long[] value = Ipv6.parse(address, text);
            high = value[0];
            low = value[1];
        } else {
            low = Integer.toUnsignedLong(parseAddress(address, text));
        }
        long maskedHigh = high & highMask(v6, prefix);
        long maskedLow = low & lowMask(v6, prefix);
        if (maskedHigh != high || maskedLow != low) {
            throw new IllegalArgumentException("'" + text + "' has host bits set: did you mean "
                    + new Cidr(v6, maskedHigh, maskedLow, prefix) + "?");
        }
        return new Cidr(v6, high, low, prefix);
    }

    /** Parses a dotted IPv4 address into an unsigned 32-bit value in an int. */
    public static int parseAddress(String address, String forMessage) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) throw notCidr(forMessage);
        int value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}")) throw notCidr(forMessage);
            int octet = Integer.parseInt(part);
            if (octet > 255) throw notCidr(forMessage);
            value = (value << 8) | octet;
        }
        return value;
    }

    static IllegalArgumentException notCidr(String text) {
        return new IllegalArgumentException("'" + text
                + "' is not a CIDR block such as 10.0.0.0/16 (IPv4) or 2001:db8::/32 (IPv6)");
    }

    /** The mask of the high 64 bits of an IPv6 block (0 for IPv4, whose bits are all in the low half). */
    public static long highMask(boolean ipv6, int prefixLength) {
        if (!ipv6 || prefixLength == 0) return 0;
        return prefixLength >= 64 ? -1L : -1L << (64 - prefixLength);
    }

    /** The mask of the low 64 bits: of an IPv6 block, or of an IPv4 block's 32 bits. */
    public static long lowMask(boolean ipv6, int prefixLength) {
        if (!ipv6) return prefixLength == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
        if (prefixLength <= 64) return 0;
        return -1L << (128 - prefixLength);
    }

    /** Whether the block holds the IPv4 address (unsigned, in an int); never for an IPv6 block. */
    public boolean containsIpv4(int address) {
        return !ipv6 && (Integer.toUnsignedLong(address) & lowMask(false, prefixLength)) == low;
    }

    /** Whether the block holds the IPv6 address given as two longs; never for an IPv4 block. */
    public boolean containsIpv6(long addressHigh, long addressLow) {
        return ipv6 && (addressHigh & highMask(true, prefixLength)) == high
                && (addressLow & lowMask(true, prefixLength)) == low;
    }

    public static String formatAddress(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    @Override
    public String toString() {
        String network = ipv6 ? Ipv6.format(high, low) : formatAddress((int) low);
        return network + "/" + prefixLength;
    }
}
