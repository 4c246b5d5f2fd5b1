package org.lbsim.trace;

/**
 * IP address text to numbers without allocating: dotted-quad IPv4 and RFC 4291 (section 2.2)
 * IPv6 — eight groups of one to four hex digits, one {@code ::} for a run of zero groups, an
 * optional dotted IPv4 tail as in {@code ::ffff:192.0.2.1}. Written here rather than borrowed
 * from {@link java.net.InetAddress}, which allocates, may look names up, accepts zone ids and
 * turns IPv4-mapped IPv6 addresses into IPv4 ones; a trace's addresses are kept as written.
 * Public only for {@link #formatIpv6}, which the scenario's CIDR blocks print with too.
 */
public final class Addresses {

    private static final int GROUPS = 8;

    private Addresses() {
    }

    /** Parses {@code text[from, to)} as an IPv4 or IPv6 address into {@code into}'s source fields; false if it is neither. */
    static boolean parse(char[] text, int from, int to, TraceRecord into) {
        for (int i = from; i < to; i++) {
            if (text[i] == ':') return parseIpv6(text, from, to, into);
        }
        long v4 = ipv4(text, from, to);
        if (v4 < 0) return false;
        into.hasSource = true;
        into.ipv6 = false;
        into.ipv4 = (int) v4;
        return true;
    }

    /**
     * The IPv4 address in {@code text[from, to)} as an unsigned 32-bit value, or -1. Octets are
     * 0-255 in decimal without leading zeros, because some parsers read {@code 010} as octal.
     */
    static long ipv4(char[] text, int from, int to) {
        long value = 0;
        int i = from;
        for (int octet = 0; ; octet++) {
            int start = i;
            int v = 0;
            while (i < to && i - start < 3 && isDigit(text[i])) v = v * 10 + (text[i++] - '0');
            if (i == start || v > 255 || (i - start > 1 && text[start] == '0')) return -1;
            value = (value << 8) | v;
            if (octet == 3) return i == to ? value : -1;
            if (i >= to || text[i] != '.') return -1;
            i++;
        }
    }

    private static boolean parseIpv6(char[] text, int from, int to, TraceRecord into) {
        // The groups before "::" accumulate in head, those after it in tail, as 128-bit numbers;
        // the head is then shifted over the zero groups "::" stands for.
        Groups head = new Groups();
        Groups tail = new Groups();
        boolean gap = false;
        int i = from;
        if (to - from >= 2 && text[i] == ':' && text[i + 1] == ':') {
            gap = true;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int group = 0;
            while (i < to && hex(text[i]) >= 0 && i - start < 5) group = (group << 4) | hex(text[i++]);
            if (i < to && text[i] == '.') {
                // A dotted IPv4 tail stands for the last two groups.
                long v4 = ipv4(text, start, to);
                if (v4 < 0) return false;
                for (int half = 1; half >= 0; half--) (gap ? tail : head).push((int) (v4 >>> (16 * half)) & 0xffff);
                i = to;
                break;
            }
            if (i == start || i - start > 4) return false;
            (gap ? tail : head).push(group);
            if (head.count + tail.count > GROUPS) return false;
            if (i == to) break;
            if (text[i] != ':') return false;
            if (i + 1 < to && text[i + 1] == ':') {
                if (gap) return false;
                gap = true;
                i += 2;
            } else {
                i++;
                if (i == to) return false;
            }
        }
        int count = head.count + tail.count;
        if (gap ? count >= GROUPS : count != GROUPS) return false;
        int shift = 16 * (GROUPS - head.count);
        long high;
        long low;
        if (shift == 0) {
            high = head.high;
            low = head.low;
        } else if (shift < 64) {
            high = (head.high << shift) | (head.low >>> (64 - shift));
            low = head.low << shift;
        } else if (shift < 128) {
            high = head.low << (shift - 64);
            low = 0;
        } else {
            high = 0;
            low = 0;
        }
        into.hasSource = true;
        into.ipv6 = true;
        into.high = high | tail.high;
        into.low = low | tail.low;
        return true;
    }

    /** 16-bit groups pushed in order into a 128-bit number, and how many. */
    private static final class Groups {
        long high;
        long low;
        int count;

        void push(int group) {
            high = (high << 16) | (low >>> 48);
            low = (low << 16) | group;
            count++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Dotted-quad text of an unsigned IPv4 address. */
    static String formatIpv4(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "." + (address & 0xff);
    }

    /** RFC 5952's canonical text: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    public static String formatIpv6(long high, long low) {
        int[] groups = new int[GROUPS];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < GROUPS; i++) {
            int length = 0;
            while (i + length < GROUPS && groups[i + length] == 0) length++;
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') text.append(':');
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
