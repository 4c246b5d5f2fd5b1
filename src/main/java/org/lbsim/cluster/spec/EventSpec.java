package org.lbsim.cluster.spec;

import java.util.List;

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

    /** The server slows down: its speed is multiplied by {@code factor} until it recovers. */
    record Slow(double at, String server, double factor) implements EventSpec {
    }

    /** The server turns into a black hole (a gray failure) until it recovers. */
    record BlackHole(double at, String server) implements EventSpec {
    }

    /** A new instance like {@code template} is launched and registered with the balancer. */
    record AddServer(double at, String server, String template) implements EventSpec {
    }

    /** The instance is deregistered: it drains for the deregistration delay, then terminates. */
    record RemoveServer(double at, String server) implements EventSpec {
    }

    /** The balancer's weight for the server changes. */
    record SetWeight(double at, String server, int weight) implements EventSpec {
    }

    /** A security group's inbound rules are replaced by {@code inbound}, live; its per-rule counters restart. */
    record SetSecurityRule(double at, String group, List<RuleSpec> inbound) implements EventSpec {
        public SetSecurityRule {
            inbound = List.copyOf(inbound);
        }
    }
}
