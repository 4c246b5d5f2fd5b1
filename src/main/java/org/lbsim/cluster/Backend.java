package org.lbsim.cluster;

import org.lbsim.balancing.BackendView;

/**
 * The balancer's record of one registered server: what the algorithms see (id, name, weight,
 * requests outstanding, slow start) and the states that decide whether the balancer may use
 * it. The policies that set those states (health checks, outlier detection, NGINX's
 * {@code max_fails}, slow start) keep their own bookkeeping, by {@link #id()}.
 */
final class Backend implements BackendView {

    private final int id;
    final Server server;
    private int weight;
    /** Requests sent and not yet answered, by the balancer's own count. */
    int outstanding;
    /** What the active checks believe; the server's truth is {@link Server#isUp()}. */
    boolean healthy = true;
    /** Taken out by passive checks (outlier detection). */
    boolean ejected;
    boolean draining;
    boolean deregistered;
    /** The balancer's slow start, or null when it has none. */
    private final SlowStart slowStart;

    Backend(int id, Server server, int weight, boolean healthy, SlowStart slowStart) {
        this.id = id;
        this.server = server;
        this.weight = weight;
        this.healthy = healthy;
        this.slowStart = slowStart;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return server.name();
    }

    @Override
    public int weight() {
        return weight;
    }

    void setWeight(int weight) {
        this.weight = weight;
    }

    @Override
    public int outstanding() {
        return outstanding;
    }

    /** See {@link SlowStart#factor}; 1 without slow start. */
    @Override
    public double slowStartFactor() {
        return slowStart == null ? 1 : slowStart.factor(id);
    }

    boolean healthy() {
        return healthy;
    }

    /** Healthy, not ejected, registered and not draining: usable unless {@code max_fails} holds it back. */
    boolean inService() {
        return healthy && !ejected && !draining && !deregistered;
    }
}
