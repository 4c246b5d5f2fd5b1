package org.lbsim.balancing;

/**
 * The outcome of one balancing decision: a backend, or the reason there is none.
 *
 * <p>A {@link BackendView} is itself a {@code Pick}, so choosing a backend allocates nothing.
 */
public sealed interface Pick permits BackendView, Pick.NoHealthyBackend {

    /** No backend is usable: the balancer answers 503, as ALB, NGINX and Envoy do. */
    enum NoHealthyBackend implements Pick {
        INSTANCE
    }
}
