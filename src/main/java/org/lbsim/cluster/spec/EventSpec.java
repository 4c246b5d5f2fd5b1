package org.lbsim.cluster.spec;

import java.util.List;

/**
 * A scripted action at a given simulated time: the {@code events:} timeline of a scenario.
 * Code that acts on every kind of event does so through a {@link Visitor}, so that a new kind
 * does not compile until each such place handles it.
 */
public sealed interface EventSpec {

    double at();

    /** Hands this event to the visitor's method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of event. */
    interface Visitor<R> {
        R fail(Fail event);

        R recover(Recover event);

        R setRate(SetRate event);

        R setAlgorithm(SetAlgorithm event);

        R slow(Slow event);

        R blackHole(BlackHole event);

        R cutOff(CutOff event);

        R addServer(AddServer event);

        R removeServer(RemoveServer event);

        R setWeight(SetWeight event);

        R setSecurityRule(SetSecurityRule event);
    }

    /** The server crashes: it loses what it holds and answers nothing until recovered. */
    record Fail(double at, String server) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fail(this);
        }
    }

    /** A failed server comes back up (the balancer still has to see it pass its checks). */
    record Recover(double at, String server) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.recover(this);
        }
    }

    /** A client population changes its mean arrival rate. */
    record SetRate(double at, String client, double rate) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setRate(this);
        }
    }

    /** The balancer switches algorithm live. */
    record SetAlgorithm(double at, String algorithm) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setAlgorithm(this);
        }
    }

    /** The server slows down: its speed is multiplied by {@code factor} until it recovers. */
    record Slow(double at, String server, double factor) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.slow(this);
        }
    }

    /** The server turns into a black hole (a gray failure) until it recovers. */
    record BlackHole(double at, String server) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.blackHole(this);
        }
    }

    /** A network change cuts the server off: connections to it time out, until it recovers. */
    record CutOff(double at, String server) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cutOff(this);
        }
    }

    /** A new instance like {@code template} is launched and registered with the balancer. */
    record AddServer(double at, String server, String template) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.addServer(this);
        }
    }

    /** The instance is deregistered: it drains for the deregistration delay, then terminates. */
    record RemoveServer(double at, String server) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeServer(this);
        }
    }

    /** The balancer's weight for the server changes. */
    record SetWeight(double at, String server, int weight) implements EventSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setWeight(this);
        }
    }

    /** A security group's inbound rules are replaced by {@code inbound}, live; its per-rule counters restart. */
    record SetSecurityRule(double at, String group, List<RuleSpec> inbound) implements EventSpec {
        public SetSecurityRule {
            inbound = List.copyOf(inbound);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.setSecurityRule(this);
        }
    }
}
