package org.lbsim.scenario;

/**
 * An IPv4 block in CIDR notation, such as {@code 203.0.113.0/24}.
 *
 * @param network the first address of the block, as an unsigned 32-bit value in an int
 * @param prefixLength 0 to 32
 */
public record Cidr(int network, int prefixLength) {

    public Cidr {
        if (prefixLength < 0 || prefixLength > 32) throw new IllegalArgumentException("prefix length must be 0..32");
        if ((network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("address has bits set beyond the prefix length");
        }
    }

    /**
     * Parses {@code a.b.c.d/n} or a bare address (a /32).
     *
     * @throws IllegalArgumentException with a message fit for a user when the text is not a CIDR
     */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        int prefix = 32;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (!prefixText.matches("\\d{1,2}")) throw notCidr(text);
            prefix = Integer.parseInt(prefixText);
            if (prefix > 32) throw notCidr(text);
        }
        int value = parseAddress(address, text);
        if ((value & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("'" + text + "' has host bits set: did you mean "
                    + new Cidr(value & mask(prefix), prefix) + "?");
        }
        return new Cidr(value, prefix);
    }

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

    private static IllegalArgumentException notCidr(String text) {
        return new IllegalArgumentException("'" + text + "' is not an IPv4 CIDR block such as 10.0.0.0/16");
    }

    static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public boolean contains(int address) {
        return (address & mask(prefixLength)) == network;
    }

    /** Number of addresses in the block (2^(32-prefix)), as a long so that /0 fits. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    public static String formatAddress(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    @Override
    public String toString() {
        return formatAddress(network) + "/" + prefixLength;
    }
}
