package org.lbsim.cluster.spec;

import java.util.ArrayList;
import java.util.List;
import org.lbsim.trace.Addresses;

/**
 * IPv6 address text (RFC 4291 section 2.2) to and from two longs: eight groups of up to four hex
 * digits, one {@code ::} for a run of zero groups, and an optional dotted IPv4 tail such as
 * {@code ::ffff:192.0.2.1}. Parsed by hand because {@link java.net.InetAddress} also accepts zone
 * ids and turns IPv4-mapped addresses into IPv4 ones, which a firewall rule must not do.
 */
final class Ipv6 {

    private static final int GROUPS = 8;

    private Ipv6() {
    }

    /** The address as {high 64 bits, low 64 bits}; {@code forMessage} is the text to quote when it is wrong. */
    static long[] parse(String address, String forMessage) {
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) throw Cidr.notCidr(forMessage);
        List<Integer> head = groups(gap < 0 ? address : address.substring(0, gap), forMessage);
        List<Integer> tail = gap < 0 ? List.of() : groups(address.substring(gap + 2), forMessage);
        int count = head.size() + tail.size();
        if (gap < 0 ? count != GROUPS : count >= GROUPS) throw Cidr.notCidr(forMessage);
        int[] all = new int[GROUPS];
        for (int i = 0; i < head.size(); i++) all[i] = head.get(i);
        for (int i = 0; i < tail.size(); i++) all[GROUPS - tail.size() + i] = tail.get(i);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | all[i];
            low = (low << 16) | all[i + 4];
        }
        return new long[] {high, low};
    }

    /** The 16-bit groups of a colon-separated run; a dotted IPv4 address at its end counts as two. */
    private static List<Integer> groups(String run, String forMessage) {
        List<Integer> groups = new ArrayList<>();
        if (run.isEmpty()) return groups;
        String[] parts = run.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && part.indexOf('.') >= 0) {
                int v4 = Cidr.parseAddress(part, forMessage);
                groups.add(v4 >>> 16);
                groups.add(v4 & 0xffff);
            } else if (part.matches("[0-9a-fA-F]{1,4}")) {
                groups.add(Integer.parseInt(part, 16));
            } else {
                throw Cidr.notCidr(forMessage);
            }
        }
        return groups;
    }

    /** The canonical text of RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    static String format(long high, long low) {
        return Addresses.formatIpv6(high, low);
    }
}
