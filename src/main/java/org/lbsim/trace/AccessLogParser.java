package org.lbsim.trace;

/**
 * Reads access log lines in Apache's common and combined formats, and NGINX's combined format
 * with the request time appended.
 *
 * <p>Common: {@code host ident authuser [dd/MMM/yyyy:HH:mm:ss +hhmm] "request" status bytes},
 * fields separated by single spaces; anything after the bytes is ignored, so a combined log can
 * be read as common. Combined adds {@code "referer" "user-agent"} and also accepts lines that
 * stop after the bytes, because a server that logs both formats into one file (a common
 * practice for virtual hosts) must not lose half its requests. After the user agent, fields are
 * ignored except NGINX's {@code $request_time}: a token {@code rt=0.123} or
 * {@code request_time=0.123}, or else a last bare decimal with a point ({@code 0.123}; a bare
 * integer is more likely a size or a port than seconds), which sets {@link TraceRecord#service}.
 *
 * <p>The host must be an IPv4 or IPv6 address; a host name (Apache's {@code HostnameLookups})
 * cannot be placed in a network and makes the line malformed. Quoted fields may hold
 * backslash escapes ({@code \"}), as Apache writes them.
 */
final class AccessLogParser implements LineParser {

    private static final String IP = "an IP address";
    private static final String IDENT = "the ident field (- when unknown)";
    private static final String USER = "the user field (- when unknown)";
    private static final String TIME = "'[' opening the time";
    private static final String REQUEST = "'\"' opening the request";
    private static final String STATUS = "a status code, 100 to 599";
    private static final String BYTES = "a size in bytes, or -";
    private static final String REFERER = "'\"' opening the referer";
    private static final String AGENT = "'\"' opening the user agent";
    private static final String AFTER_AGENT = "a space or the end of the line after the user agent";
    private static final String REQUEST_TIME = "a request time in seconds";
    private static final String SPACE = "a space";

    private final boolean combined;

    AccessLogParser(boolean combined) {
        this.combined = combined;
    }

    @Override
    public boolean parse(char[] t, int from, int to, TraceRecord into, Failure failure) {
        into.clear();
        int i = tokenEnd(t, from, to);
        if (i == from) return failure.at(from, from, IP);
        if (!Addresses.parse(t, from, i, into)) return failure.at(from, i, IP);
        if ((i = spaceAndToken(t, i, to, failure, IDENT)) < 0) return false;
        if ((i = spaceAndToken(t, i, to, failure, USER)) < 0) return false;
        if ((i = space(t, i, to, failure, '[', TIME)) < 0) return false;
        long time = LogTimestamp.parse(t, i, to, failure);
        if (time == LogTimestamp.INVALID) return false;
        into.time = time;
        i += LogTimestamp.LENGTH;
        if ((i = space(t, i, to, failure, '"', REQUEST)) < 0) return false;
        if ((i = quoted(t, i, to, failure, "'\"' closing the request")) < 0) return false;

        int statusStart = i + 1;
        if ((i = spaceAndToken(t, i, to, failure, STATUS)) < 0) return false;
        long status = Numbers.natural(t, statusStart, i);
        if (i - statusStart != 3 || status < 100 || status > 599) return failure.at(statusStart, i, STATUS);

        int bytesStart = i + 1;
        if ((i = spaceAndToken(t, i, to, failure, BYTES)) < 0) return false;
        if (i - bytesStart == 1 && t[bytesStart] == '-') {
            into.bytes = -1;
        } else {
            into.bytes = Numbers.natural(t, bytesStart, i);
            if (into.bytes < 0) return failure.at(bytesStart, i, BYTES);
        }
        if (!combined || i == to) return true;

        if ((i = space(t, i, to, failure, '"', REFERER)) < 0) return false;
        if ((i = quoted(t, i, to, failure, "'\"' closing the referer")) < 0) return false;
        if ((i = space(t, i, to, failure, '"', AGENT)) < 0) return false;
        if ((i = quoted(t, i, to, failure, "'\"' closing the user agent")) < 0) return false;
        if (i == to) return true;
        if (t[i] != ' ') return failure.at(i, tokenEnd(t, i, to), AFTER_AGENT);
        return requestTime(t, i, to, into, failure);
    }

    /**
     * Looks through the fields after the user agent for the request time: an {@code rt=} or
     * {@code request_time=} token wins over a last bare decimal. {@code -} means not recorded.
     */
    private static boolean requestTime(char[] t, int i, int to, TraceRecord into, Failure failure) {
        int lastStart = -1;
        int lastEnd = -1;
        while (true) {
            while (i < to && t[i] == ' ') i++;
            if (i == to) break;
            int start = i;
            if (t[i] == '"') {
                if ((i = quoted(t, i, to, failure, "'\"' closing a quoted field")) < 0) return false;
                lastStart = -1;
                continue;
            }
            i = tokenEnd(t, i, to);
            int value = startsWith(t, start, i, "rt=") ? start + 3
                    : startsWith(t, start, i, "request_time=") ? start + 13 : -1;
            if (value >= 0) {
                if (i - value == 1 && t[value] == '-') return true;
                double seconds = Numbers.decimal(t, value, i);
                if (!(seconds >= 0)) return failure.at(value, i, REQUEST_TIME);
                into.service = seconds;
                return true;
            }
            lastStart = start;
            lastEnd = i;
        }
        if (lastStart >= 0 && bareDecimal(t, lastStart, lastEnd)) into.service = Numbers.decimal(t, lastStart, lastEnd);
        return true;
    }

    /** Whether {@code t[from, to)} is digits, a point, digits: how NGINX writes {@code $request_time}. */
    private static boolean bareDecimal(char[] t, int from, int to) {
        int point = -1;
        for (int i = from; i < to; i++) {
            if (t[i] == '.' && point < 0) {
                point = i;
            } else if (!Numbers.isDigit(t[i])) {
                return false;
            }
        }
        return point > from && point < to - 1;
    }

    private static boolean startsWith(char[] t, int from, int to, String prefix) {
        if (to - from < prefix.length()) return false;
        for (int k = 0; k < prefix.length(); k++) {
            if (t[from + k] != prefix.charAt(k)) return false;
        }
        return true;
    }

    /** The end of the run of non-space characters at {@code i}. */
    private static int tokenEnd(char[] t, int i, int to) {
        while (i < to && t[i] != ' ') i++;
        return i;
    }

    /** Expects a space at {@code i} and a non-empty token after it; returns the token's end, or -1. */
    private static int spaceAndToken(char[] t, int i, int to, Failure failure, String expected) {
        if (!space(t, i, to, failure, expected)) return -1;
        int end = tokenEnd(t, i + 1, to);
        if (end == i + 1) {
            failure.at(i + 1, i + 1, expected);
            return -1;
        }
        return end;
    }

    /** Expects a space at {@code i} and {@code opening} after it; returns the opening's position, or -1. */
    private static int space(char[] t, int i, int to, Failure failure, char opening, String expected) {
        if (!space(t, i, to, failure, expected)) return -1;
        if (i + 1 >= to || t[i + 1] != opening) {
            failure.at(i + 1, tokenEnd(t, i + 1, to), expected);
            return -1;
        }
        return i + 1;
    }

    /** Whether {@code t[i]} is the space that separates fields, else fills in {@code failure}. */
    private static boolean space(char[] t, int i, int to, Failure failure, String next) {
        if (i < to && t[i] == ' ') return true;
        return failure.at(i, tokenEnd(t, i, to), SPACE + " then " + next);
    }

    /** Expects a quoted field opening at {@code i}; returns the position after its closing quote, or -1. */
    private static int quoted(char[] t, int i, int to, Failure failure, String closing) {
        for (int j = i + 1; j < to; j++) {
            char c = t[j];
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
        failure.at(to, to, closing);
        return -1;
    }
}
