package org.lbsim.trace;

import java.util.Optional;

/**
 * Reads the rows of a CSV trace, whose header line names the columns. {@code time} is
 * required; {@code service}, {@code source}, {@code port} and {@code bytes} are optional and
 * may come in any order; other columns are ignored. Names are matched without regard to case
 * or surrounding spaces. Fields are separated by commas and may not be quoted: traces are
 * numbers and addresses, and a reader of quoted fields could not skip a row without holding it.
 *
 * <p>{@code time} and {@code service} are seconds as decimal numbers ({@code 12}, {@code 0.25},
 * {@code 1.5e-3}); {@code service} may not be negative. An empty optional field means the row
 * does not say, like a missing column; {@code bytes} may also be {@code -}. Every row has as
 * many fields as the header.
 */
final class CsvParser implements LineParser {

    private static final String[] KNOWN = {"time", "service", "source", "port", "bytes"};
    private static final int TIME = 0;
    private static final int SERVICE = 1;
    private static final int SOURCE = 2;
    private static final int PORT = 3;
    private static final int BYTES = 4;
    private static final String UNQUOTED = "plain CSV fields (quoted fields are not supported)";
    private static final int MAX_PORT = 65_535;

    /** For each field of a row, which known column it is ({@code TIME}...), or -1 to ignore it. */
    private final int[] roles;

    private CsvParser(int[] roles) {
        this.roles = roles;
    }

    /** The parser for the rows under this header, or empty with {@code failure} saying what is wrong with it. */
    static Optional<CsvParser> forHeader(char[] t, int from, int to, Failure failure) {
        int fields = 1;
        for (int i = from; i < to; i++) {
            if (t[i] == ',') fields++;
        }
        int[] roles = new int[fields];
        boolean[] seen = new boolean[KNOWN.length];
        int field = 0;
        int firstEnd = to;
        for (int i = from; ; i++, field++) {
            int start = i;
            while (i < to && t[i] != ',') i++;
            if (field == 0) firstEnd = i;
            int s = trimStart(t, start, i);
            int e = trimEnd(t, s, i);
            if (s < e && t[s] == '"') {
                failure.described(s, "a quoted field", "plain CSV column names (quoted fields are not supported)");
                return Optional.empty();
            }
            roles[field] = -1;
            for (int k = 0; k < KNOWN.length; k++) {
                if (!equalsIgnoreCase(t, s, e, KNOWN[k])) continue;
                if (seen[k]) {
                    failure.at(s, e, "each column named once, but '" + KNOWN[k] + "' comes twice");
                    return Optional.empty();
                }
                seen[k] = true;
                roles[field] = k;
            }
            if (i >= to) break;
        }
        if (!seen[TIME]) {
            boolean looksLikeData = !Double.isNaN(Numbers.decimal(t, trimStart(t, from, firstEnd), trimEnd(t, from, firstEnd)));
            failure.at(from, looksLikeData ? firstEnd : to, looksLikeData
                    ? "a header line naming the columns, one of them 'time'"
                    : "a column named 'time' (columns: time, and optionally service, source, port, bytes)");
            return Optional.empty();
        }
        return Optional.of(new CsvParser(roles));
    }

    @Override
    public boolean parse(char[] t, int from, int to, TraceRecord into, Failure failure) {
        into.clear();
        int field = 0;
        int extra = -1;
        for (int i = from; ; i++, field++) {
            int start = i;
            while (i < to && t[i] != ',') i++;
            int s = trimStart(t, start, i);
            int e = trimEnd(t, s, i);
            if (s < e && t[s] == '"') return failure.described(s, "a quoted field", UNQUOTED);
            if (field >= roles.length) {
                if (extra < 0) extra = start;
            } else if (roles[field] >= 0 && !field(roles[field], t, s, e, into, failure)) {
                return false;
            }
            if (i >= to) break;
        }
        int count = field + 1;
        if (count != roles.length) {
            return failure.described(extra >= 0 ? extra : to, count + (count == 1 ? " field" : " fields"),
                    roles.length + ", as the header names");
        }
        return true;
    }

    private static boolean field(int role, char[] t, int s, int e, TraceRecord into, Failure failure) {
        switch (role) {
            case TIME -> {
                if (s == e) return failure.described(s, "an empty field", "a time in seconds");
                into.time = Numbers.decimal(t, s, e);
                if (Double.isNaN(into.time)) return failure.at(s, e, "a time in seconds");
            }
            case SERVICE -> {
                if (s == e) return true;
                into.service = Numbers.decimal(t, s, e);
                if (!(into.service >= 0)) return failure.at(s, e, "a service time in seconds, not negative, or nothing");
            }
            case SOURCE -> {
                if (s < e && !Addresses.parse(t, s, e, into)) return failure.at(s, e, "an IP address, or nothing");
            }
            case PORT -> {
                if (s == e) return true;
                long port = Numbers.natural(t, s, e);
                if (port < 0 || port > MAX_PORT) return failure.at(s, e, "a port, 0 to 65535, or nothing");
                into.port = (int) port;
            }
            case BYTES -> {
                if (s == e || (e - s == 1 && t[s] == '-')) return true;
                into.bytes = Numbers.natural(t, s, e);
                if (into.bytes < 0) return failure.at(s, e, "a size in bytes, -, or nothing");
            }
            default -> throw new IllegalStateException("no column role " + role);
        }
        return true;
    }

    private static int trimStart(char[] t, int from, int to) {
        while (from < to && (t[from] == ' ' || t[from] == '\t')) from++;
        return from;
    }

    private static int trimEnd(char[] t, int from, int to) {
        while (to > from && (t[to - 1] == ' ' || t[to - 1] == '\t')) to--;
        return to;
    }

    private static boolean equalsIgnoreCase(char[] t, int from, int to, String name) {
        if (to - from != name.length()) return false;
        for (int k = 0; k < name.length(); k++) {
            if (Character.toLowerCase(t[from + k]) != name.charAt(k)) return false;
        }
        return true;
    }
}
