package org.lbsim.cluster;

import org.lbsim.balancing.RequestInfo;

/**
 * One request in flight. Instances are pooled and reused ({@link RequestPool}), so the fields
 * are mutable and every one is set again when a request is taken from the pool.
 */
final class Request implements RequestInfo {

    TrafficSource source;
    /** Which request this is, counting from 0 at time 0: tells a closed-loop user's answer from a stale one. */
    long sequence;
    /** The closed-loop user who sent it, or -1 for an open client's request. */
    int user = -1;
    /** Its class in the run's list of request classes, or -1 when its client has no mix. */
    int requestClass = -1;
    double sentAt;
    /** Its client's timeout, copied when it is sent: read at every answer, one load instead of two. */
    double timeout;
    /** Work to do, in seconds at speed 1.0. */
    double work;
    /**
     * The client's source address, reused with the request; see {@link #from()}. Known once set
     * (a closed-loop user's own address, a trace line's) or drawn.
     */
    private final Address from = new Address();
    private boolean addressKnown;
    /** The destination port: the client's, or the one a replayed trace line names. */
    int port;
    /** The client's ephemeral source port; drawn only when a network ACL could look at it, else 0. */
    int clientPort;
    /** Sent after the warm-up, so it counts in the statistics. */
    boolean counted;
    /** The balancer's backend it went to, or null when sent straight to a server. */
    Backend backend;
    /** It went through the balancer, which counts it in flight until it ends. */
    boolean atBalancer;
    /** Attempts after the first (retries on another backend). */
    int tries;
    /** The id of the backend a retry must avoid, the one its last attempt failed on; -1 before any retry. */
    int avoid = NO_BACKEND;
    /** It is a retry, counted against the retry budget until it ends. */
    boolean retrying;
    /** Its worker slot at the server while in service, else -1. */
    int slot = -1;
    /**
     * Its outcome is already recorded but a completion event still refers to it: that event
     * only returns it to the pool.
     */
    boolean lost;
    /** Set when this is an in-band health-check probe, not a client's request: it is never counted. */
    HealthChecker.Probe probe;
    /** The request behind it in its server's waiting room, or null. */
    Request nextInQueue;
    /** Next free request in the pool. */
    Request nextFree;

    /**
     * The source address, drawn from its client's blocks the first time anything looks at it (a
     * security group, a network ACL, an address-keyed algorithm, sticky sessions). Whatever
     * looks, looks on the request's arrival and at every request of its client, so each request
     * gets the address it would get if every arrival drew one, from its client's own stream; and
     * when nothing looks, no draw is made, a saving on every request of most runs. See
     * docs/design-notes.md for the one case where the two differ.
     */
    Address from() {
        if (!addressKnown) {
            source.drawAddress(from);
            addressKnown = true;
        }
        return from;
    }

    /** The address, to be set now (a closed-loop user's, a trace line's): not drawn. */
    Address addressToSet() {
        addressKnown = true;
        return from;
    }

    /** A new request from its client: its address is drawn when first looked at. */
    void addressUnknown() {
        addressKnown = false;
    }

    @Override
    public int avoid() {
        return avoid;
    }

    /** The source address as an int: IPv4 itself, IPv6 folded (see {@link Address#hash()}). */
    @Override
    public int sourceAddress() {
        return from().hash();
    }

    /**
     * The session it belongs to, which sticky balancing keeps on one instance: a closed-loop
     * user's, or for an open client (and a replayed trace) its source address, as a browser
     * behind one address keeps one cookie.
     */
    long sessionKey() {
        if (user >= 0) return -1 - ((long) source.index() << 32 | user);
        Address address = from();
        if (!address.ipv6) return address.ipv4 & 0xffff_ffffL;
        return (address.high * 0x9E37_79B9_7F4A_7C15L ^ address.low) & Long.MAX_VALUE;
    }

    /** The client gave up on it by {@code now}. */
    boolean expiredBy(double now) {
        return now - sentAt > timeout;
    }
}
