package org.lbsim.metrics;

/** How hard the engine worked: the only part of a result that depends on the machine. */
public record EngineStats(long events, double wallSeconds, double eventsPerSecond) {
}
