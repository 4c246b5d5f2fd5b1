/**
 * Load-balancing algorithms behind one interface, and a registry of them by stable name.
 *
 * <p>An algorithm only chooses. It sees the backends the balancer may use now through the
 * read-only {@link org.lbsim.balancing.BackendView} (the balancer's own outstanding count,
 * configured weight) and never a server's true state; health and membership are the
 * balancer's business. Randomness is injected, so results are reproducible.
 */
package org.lbsim.balancing;
