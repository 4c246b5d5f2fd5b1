package org.lbsim.balancing;

/**
 * The outcome of one balancing decision: a backend, or the reason there is none.
 *
 * <p>A {@link BackendView} is itself a {@code Pick}, so choosing a backend allocates nothing.
 */
public sealed interface Pick permits BackendView, Pick.NoHealthyBackend, Pick.NoOtherBackend {

    /** No backend is usable: the balancer answers 503, as ALB, NGINX and Envoy do. */
    enum NoHealthyBackend implements Pick {
        INSTANCE
    }

    /**
     * A retry's only usable backend is the one it must avoid ({@link RequestInfo#avoid()}): the
     * balancer makes no retry and the request fails with the connection error it had, as NGINX's
     * {@code proxy_next_upstream} does when no server is left to try.
     */
    enum NoOtherBackend implements Pick {
        INSTANCE
    }
}
