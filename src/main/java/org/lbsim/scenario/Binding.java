package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.scenario.Node.ListNode;

/**
 * What every part of the binder shares: reading optional keys and lists, references to named
 * things, unique names, ports and protocols, and the wording of messages.
 */
final class Binding {

    static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp", "all");

    /** What a count of consecutive events may be ({@link Bounds#MAX_THRESHOLD}). */
    static final String THRESHOLD_RANGE = "a whole number of at least 1 and at most 1,000,000";

    /** What a server's weight may be ({@link Bounds#MAX_WEIGHT}). */
    static final String WEIGHT_RANGE = "a whole number from 0 to 256 (as HAProxy's weights)";

    private final Problems problems;
    private final Values values;

    Binding(Problems problems, Values values) {
        this.problems = problems;
        this.values = values;
    }

    /** The required name of one of {@code known} under {@code key}; null when missing or unknown. */
    String reference(Fields f, String key, Set<String> known, String what) {
        Node node = f.require(key, "the name of a " + what);
        return node == null ? null : reference(node, f.pathOf(key), known, what);
    }

    /** The name of one of {@code known}; an unknown one is reported with the closest known name. */
    String reference(Node node, String path, Set<String> known, String what) {
        String text = values.name(node, path);
        if (text == null || known.contains(text)) return text;
        problems.add(node.location(), path, "found " + Fields.quote(text) + Suggestions.didYouMean(text, known)
                + ", expected the name of a " + what + known("defined", known));
        return null;
    }

    /** The value of an optional key: its default when absent, null when present and wrong. */
    <T> T optional(Fields fields, String key, T defaultValue, BiFunction<Node, String, T> read) {
        Node node = fields.get(key);
        return node == null ? defaultValue : read.apply(node, fields.pathOf(key));
    }

    /** The value of an optional key read by its rule: its default when absent, null when present and wrong. */
    <T> T optional(Fields fields, Key<T> key) {
        Node node = fields.get(key.name());
        return node == null ? key.defaultValue() : key.scalar().read(values, node, fields.pathOf(key.name()));
    }

    /** The value of a required key read by its rule; null when it is missing or wrong (either is reported). */
    <T> T require(Fields fields, Key<T> key) {
        Node node = fields.require(key.name(), key.missing());
        return node == null ? null : key.scalar().read(values, node, fields.pathOf(key.name()));
    }

    /**
     * The items of a list; absent gives an empty list. Anything but a list is reported, and so is
     * an empty list where at least one item is needed.
     */
    List<Node> list(Node node, String path, String expected, boolean nonEmpty) {
        if (node == null) return List.of();
        if (!(node instanceof ListNode list)) {
            problems.add(node.location(), path, "found " + Fields.describe(node) + ", expected " + expected);
            return List.of();
        }
        if (nonEmpty && list.items().isEmpty()) {
            problems.add(node.location(), path, "found an empty list, expected " + expected);
        }
        return list.items();
    }

    /** The required {@code name} of a list item, reported where it repeats an earlier one. */
    String uniqueName(Fields fields, Map<String, Location> seen, String what) {
        Node node = fields.require("name", "the " + what + "'s name");
        if (node == null) return null;
        String name = values.name(node, fields.pathOf("name"));
        if (name == null) return null;
        Location earlier = seen.putIfAbsent(name, node.location());
        if (earlier != null) {
            problems.add(node.location(), fields.pathOf("name"), "found the " + what + " name '" + name
                    + "' a second time (first at " + earlier.shortWhere() + "), expected unique names");
            return null;
        }
        return name;
    }

    /**
     * The port range of a rule: required for tcp and udp, refused for all and icmp (which cover
     * every port); null when wrong.
     */
    int[] ports(Fields fields, Protocol protocol) {
        if (protocol == Protocol.ALL || protocol == Protocol.ICMP) {
            Node portsNode = fields.get("ports");
            if (portsNode != null) {
                values.reportFound(portsNode, fields.pathOf("ports"), Fields.describe(portsNode).replace("'", ""),
                        "no ports: protocol " + protocol.yamlName() + " covers every port");
            }
            return new int[] {0, 65535};
        }
        if (protocol == null) return new int[] {0, 65535};
        Node portsNode = fields.require("ports", "a port such as 80 or a range such as 1024-65535");
        return portsNode == null ? null : values.portRange(portsNode, fields.pathOf("ports"));
    }

    /** A protocol's name; null when {@code node} is null (a missing key, already reported) or wrong. */
    Protocol protocol(Node node, String path) {
        if (node == null) return null;
        String text = values.choice(node, path, PROTOCOLS);
        return text == null ? null : Protocol.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }

    /** Names a message lists at most; the rest are counted. */
    static final int MAX_LISTED = 20;

    /** {@code " (defined: web-1, web-2)"}: the first {@link #MAX_LISTED} names, then how many more. */
    static String known(String adjective, Set<String> names) {
        if (names.isEmpty()) return " (none " + adjective + ")";
        List<String> listed = names.stream().limit(MAX_LISTED).map(Fields::shorten).toList();
        String more = names.size() > MAX_LISTED ? String.format(" and %,d more", names.size() - MAX_LISTED) : "";
        return " (" + adjective + ": " + String.join(", ", listed) + more + ")";
    }

    /** Seconds for a message, without a trailing ".0": {@code 30s}, {@code 0.25s}. */
    static String seconds(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + "s";
    }

    static <T> List<T> concat(List<? extends T> first, Collection<? extends T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static boolean looksLikeAddress(String text) {
        return !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.indexOf(':') >= 0);
    }
}
