package org.lbsim.scenario;

import java.util.List;
import java.util.Map;

/**
 * What the value of one key may be: a kind (a duration, a whole number, a map of keys...) with
 * its unit, bounds and allowed words. The binder reads values through the scalar rules, and
 * {@link ScenarioSchema} describes every rule, so that what the loader accepts and what the
 * schema and the reference say cannot drift apart.
 */
sealed interface ValueRule {

    /** A rule for a single value, read by {@link #read} and reported as {@link Values} reports. */
    sealed interface Scalar<T> extends ValueRule {
        /** The value of {@code node}, or null when it is wrong (then reported). */
        T read(Values values, Node node, String path);

        /** What a valid value looks like, as problems say it. */
        String expected();
    }

    /** A whole number from {@code min} to {@code max}, for the records' {@code int} fields. */
    record Int(int min, int max, String expected) implements Scalar<Integer> {
        @Override
        public Integer read(Values values, Node node, String path) {
            return values.smallInteger(node, path, min, max, expected);
        }
    }

    /** A whole number from {@code min} to {@code max}, for {@code long} fields. */
    record Long64(long min, long max, String expected) implements Scalar<Long> {
        @Override
        public Long read(Values values, Node node, String path) {
            return values.integer(node, path, v -> v >= min && v <= max, expected);
        }
    }

    /** A plain decimal number from {@code min} to {@code max}, each bound included unless said open. */
    record Decimal(double min, boolean minOpen, double max, boolean maxOpen, String expected)
            implements Scalar<Double> {
        static Decimal closed(double min, double max, String expected) {
            return new Decimal(min, false, max, false, expected);
        }

        boolean inRange(double v) {
            return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        }

        @Override
        public Double read(Values values, Node node, String path) {
            return values.number(node, path, this::inRange, expected);
        }
    }

    /**
     * A duration with units, in seconds, above {@code min} (or from it, when not open) and at
     * most {@code max}; {@link Values#duration} adds the clock's bounds ({@link Bounds}).
     * {@code wholeSeconds}: only whole numbers of seconds.
     */
    record Duration(double min, boolean minOpen, double max, boolean wholeSeconds, String expected)
            implements Scalar<Double> {
        static Duration positive(String expected) {
            return new Duration(0, true, Double.POSITIVE_INFINITY, false, expected);
        }

        static Duration atLeastZero(String expected) {
            return new Duration(0, false, Double.POSITIVE_INFINITY, false, expected);
        }

        boolean inRange(double v) {
            return (minOpen ? v > min : v >= min) && v <= max && (!wholeSeconds || v == Math.rint(v));
        }

        @Override
        public Double read(Values values, Node node, String path) {
            return values.duration(node, path, this::inRange, expected);
        }
    }

    /** A rate with units, per second, above {@code min} (or from it); at most {@link Bounds#MAX_RATE}. */
    record Rate(double min, boolean minOpen, String expected) implements Scalar<Double> {
        static final Rate POSITIVE = new Rate(0, true, "a positive rate such as 150/s");

        @Override
        public Double read(Values values, Node node, String path) {
            return values.rate(node, path, v -> minOpen ? v > min : v >= min, expected);
        }
    }

    /** {@code true} or {@code false}. */
    record Flag() implements Scalar<Boolean> {
        @Override
        public Boolean read(Values values, Node node, String path) {
            return values.bool(node, path);
        }

        @Override
        public String expected() {
            return "one of: true, false";
        }
    }

    /** One word of a closed set. */
    record Choice(List<String> options) implements Scalar<String> {
        public Choice {
            options = List.copyOf(options);
        }

        @Override
        public String read(Values values, Node node, String path) {
            return values.choice(node, path, options);
        }

        @Override
        public String expected() {
            return "one of: " + String.join(", ", options);
        }
    }

    /** A name of visible characters (of a client, a server, a class...). */
    record Name() implements Scalar<String> {
        @Override
        public String read(Values values, Node node, String path) {
            return values.name(node, path);
        }

        @Override
        public String expected() {
            return "a name";
        }
    }

    /** A destination port, 1 to 65535. */
    record Port() implements Scalar<Integer> {
        @Override
        public Integer read(Values values, Node node, String path) {
            return values.port(node, path);
        }

        @Override
        public String expected() {
            return "a port from 1 to 65535";
        }
    }

    /** A CIDR block, IPv4 or IPv6. */
    record CidrBlock() implements Scalar<org.lbsim.cluster.spec.Cidr> {
        @Override
        public org.lbsim.cluster.spec.Cidr read(Values values, Node node, String path) {
            return values.cidr(node, path);
        }

        @Override
        public String expected() {
            return "a CIDR block such as 10.0.0.0/16 or 2001:db8::/32";
        }
    }

    /** A port or an ascending range {@code 1024-65535}, read by {@link Binding#ports}. */
    record PortRange() implements ValueRule {
    }

    /**
     * The name of something the scenario defines elsewhere (a server, a security group), or text
     * whose meaning the binder decides (a file name, a CIDR block or a group's name).
     *
     * @param what what the text names, for the schema's description
     */
    record Text(String what) implements ValueRule {
    }

    /** The name of a balancing algorithm the registry knows. */
    record Algorithm() implements ValueRule {
    }

    /** A map with the keys of {@code rule}. */
    record Section(MapRule rule) implements ValueRule {
    }

    /** A list of {@code item}s; at least one when {@code nonEmpty}. */
    record ListOf(ValueRule item, int minItems) implements ValueRule {
    }

    /**
     * A map whose keys depend on the word under {@code tag}: a distribution's on
     * {@code distribution}, arrivals' on {@code process}, an event's on {@code action}. Each
     * variant's rule lists every key the map may then hold, the tag included.
     */
    record Tagged(String tag, Map<String, MapRule> variants, String description) implements ValueRule {
        public Tagged {
            variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
        }
    }

    /** One of several forms, such as a rate, a schedule (a list) or a daily cycle (a map). */
    record AnyOf(List<ValueRule> forms) implements ValueRule {
        public AnyOf {
            forms = List.copyOf(forms);
        }
    }
}
