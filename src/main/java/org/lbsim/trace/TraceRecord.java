package org.lbsim.trace;

/**
 * One request read from a trace. It is reused: {@link TraceReader#next} overwrites it, so that
 * reading a trace of any length allocates nothing per line; copy it ({@link #copyFrom}) to keep it.
 *
 * <p>Fields the trace does not give hold their "absent" value: {@code NaN} for
 * {@link #service}, {@code false} for {@link #hasSource}, {@code -1} for {@link #port} and
 * {@link #bytes}.
 */
public final class TraceRecord {

    /** When the request arrived, in seconds: Unix epoch seconds (UTC) for access logs, as written for CSV. */
    public double time;
    /** The request's service demand in seconds (NGINX's {@code $request_time}, CSV's {@code service}), {@code NaN} when the trace does not say. */
    public double service = Double.NaN;
    /** Whether the trace gives the client's address; when false the address fields mean nothing. */
    public boolean hasSource;
    /** Whether the source is an IPv6 address (in {@link #high} and {@link #low}) rather than IPv4 (in {@link #ipv4}). */
    public boolean ipv6;
    /** The IPv4 source address, unsigned in an int: {@code a.b.c.d} is {@code a<<24 | b<<16 | c<<8 | d}. */
    public int ipv4;
    /** The IPv6 source address's first 64 bits. */
    public long high;
    /** The IPv6 source address's last 64 bits. */
    public long low;
    /** The destination port, {@code -1} when absent. */
    public int port = -1;
    /** The response's size in bytes, {@code -1} when absent or written {@code -}. */
    public long bytes = -1;
    /** The 1-based number of the line this record was read from. */
    public long line;

    /** Makes this record a copy of {@code other}. */
    public void copyFrom(TraceRecord other) {
        time = other.time;
        service = other.service;
        hasSource = other.hasSource;
        ipv6 = other.ipv6;
        ipv4 = other.ipv4;
        high = other.high;
        low = other.low;
        port = other.port;
        bytes = other.bytes;
        line = other.line;
    }

    /** Sets every field but the line number to its absent value, before a line is parsed into it. */
    void clear() {
        time = 0;
        service = Double.NaN;
        hasSource = false;
        ipv6 = false;
        ipv4 = 0;
        high = 0;
        low = 0;
        port = -1;
        bytes = -1;
    }

    /** The source address as text (IPv6 in RFC 5952's canonical form), or {@code "-"} when absent. */
    public String source() {
        if (!hasSource) return "-";
        return ipv6 ? Addresses.formatIpv6(high, low) : Addresses.formatIpv4(ipv4);
    }

    @Override
    public String toString() {
        return "line " + line + ": time=" + time + " service=" + service + " source=" + source()
                + " port=" + port + " bytes=" + bytes;
    }
}
