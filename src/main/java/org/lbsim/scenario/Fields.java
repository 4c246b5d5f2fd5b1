package org.lbsim.scenario;

import java.util.Collection;
import java.util.List;
import org.lbsim.scenario.Node.Entry;
import org.lbsim.scenario.Node.MapNode;
import org.lbsim.scenario.Node.ScalarNode;

/**
 * The keys of one map of a scenario, read by the binder: which are there, which are missing,
 * which are not allowed. A node that is not a map is reported once, and then reads as an empty
 * map that reports nothing more, so that one mistake gives one problem.
 */
final class Fields {

    private final MapNode map;
    private final String path;
    private final Location location;
    private final Problems problems;
    private final boolean valid;

    private Fields(MapNode map, String path, Location location, Problems problems, boolean valid) {
        this.map = map;
        this.path = path;
        this.location = location;
        this.problems = problems;
        this.valid = valid;
    }

    /**
     * @param expected what the map is, for the message when the node is something else
     *                 ("a client map with keys name, arrivals, service, ...")
     */
    static Fields of(Node node, String path, String expected, Problems problems) {
        if (node instanceof MapNode map) return new Fields(map, path, map.location(), problems, true);
        MapNode empty = new MapNode(List.of(), node.location());
        if (node instanceof ScalarNode scalar && scalar.isNull()) {
            // "balancer:" with nothing after it means "all defaults", like leaving it out.
            return new Fields(empty, path, node.location(), problems, true);
        }
        problems.add(node.location(), path, "found " + describe(node) + ", expected " + expected);
        return new Fields(empty, path, node.location(), problems, false);
    }

    /** A value as a user would recognise it in a message: its text, or its kind. */
    static String describe(Node node) {
        if (node instanceof ScalarNode scalar && !scalar.isNull()) return quote(scalar.text());
        return node.kind();
    }

    /** Text longer than this is shortened where a message quotes it. */
    private static final int MAX_QUOTED = 100;
    private static final int QUOTED_PREFIX = 60;

    /**
     * Text from the file as a message quotes it: {@code 'web-1'}, or, when it is long, its start
     * and its length, so that a 100,000-character name does not fill the screen (or, repeated in
     * every message that lists the names, the memory).
     */
    static String quote(String text) {
        return text.length() <= MAX_QUOTED ? "'" + text + "'"
                : String.format("'%s...' (%,d characters)", start(text), text.length());
    }

    /** Text as a list in a message shows it: as written, or, when it is long, its start and its length. */
    static String shorten(String text) {
        return text.length() <= MAX_QUOTED ? text : String.format("%s... (%,d characters)", start(text), text.length());
    }

    private static String start(String text) {
        return text.substring(0, Character.isHighSurrogate(text.charAt(QUOTED_PREFIX - 1)) ? QUOTED_PREFIX - 1 : QUOTED_PREFIX);
    }

    String path() {
        return path;
    }

    Location location() {
        return location;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value under {@code key}, or null when it is absent or written as null. */
    Node get(String key) {
        return map.entry(key)
                .map(Entry::value)
                .filter(value -> !(value instanceof ScalarNode scalar && scalar.isNull()))
                .orElse(null);
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** The value under {@code key}; when it is absent, reports that and returns null. */
    Node require(String key, String expected) {
        Node value = get(key);
        if (value == null && valid) {
            problems.add(location, path, "missing '" + key + "', expected " + expected);
        }
        return value;
    }

    /** Reports every key that is not allowed, at the key itself, naming the allowed keys and the closest one. */
    void allowOnly(Collection<String> allowed) {
        for (Entry entry : map.entries()) {
            String key = entry.key();
            if (allowed.contains(key)) continue;
            problems.add(entry.keyLocation(), path,
                    "found unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed)
                            + "; expected one of: " + String.join(", ", allowed));
        }
    }
}
