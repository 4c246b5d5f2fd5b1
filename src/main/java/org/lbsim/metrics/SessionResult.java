package org.lbsim.metrics;

/**
 * Sticky sessions: how many the balancer pinned to an instance, and how many it had to move
 * because their instance stopped being available (unhealthy, draining or gone), which loses
 * whatever the instance held for them. Both count from time 0, warm-up included, since a
 * session spans it and most sessions of closed-loop users start at once.
 */
public record SessionResult(long started, long broken) {
}
