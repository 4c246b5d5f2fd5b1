package org.lbsim.scenario;

/** A scripted action at a given simulated time: the {@code events:} timeline of a scenario. */
public sealed interface EventSpec {

    double at();

    /** The server crashes: it loses what it holds and answers nothing until recovered. */
    record Fail(double at, String server) implements EventSpec {
    }

    /** A failed server comes back up (the balancer still has to see it pass its checks). */
    record Recover(double at, String server) implements EventSpec {
    }

    /** A client population changes its mean arrival rate. */
    record SetRate(double at, String client, double rate) implements EventSpec {
    }

    /** The balancer switches algorithm live. */
    record SetAlgorithm(double at, String algorithm) implements EventSpec {
    }
}
