package org.lbsim.engine;

/**
 * What happens when an event fires, given the payload it was scheduled with.
 *
 * <p>Model objects keep their handlers in final fields ({@code this::complete}) and pass the
 * per-event data as the payload, so scheduling allocates no lambda per event.
 */
@FunctionalInterface
public interface EventHandler<T> {
    void handle(T payload);
}
