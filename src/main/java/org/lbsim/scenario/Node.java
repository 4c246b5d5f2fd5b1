package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a parsed YAML document that remembers where it was written, so that every problem
 * found while binding it can name a line and column. The tree is immutable; overrides build a
 * changed copy.
 */
sealed interface Node {

    Location location();

    /** How a user would call this kind of node in a message: "a map", "a list", "a value". */
    String kind();

    /** The same tree with every location replaced: a value supplied by {@code --set}. */
    Node relocate(Location newLocation);

    /** A mapping; keys are unique (the reader rejects duplicates) and keep their order. */
    record MapNode(List<Entry> entries, Location location) implements Node {
        public MapNode {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        List<String> keys() {
            return entries.stream().map(Entry::key).toList();
        }

        /** A copy with {@code key} set to {@code value}: replaced in place, or appended. */
        MapNode with(String key, Location keyLocation, Node value) {
            List<Entry> copy = new ArrayList<>(entries);
            for (int i = 0; i < copy.size(); i++) {
                if (copy.get(i).key().equals(key)) {
                    copy.set(i, new Entry(key, copy.get(i).keyLocation(), value));
                    return new MapNode(copy, location);
                }
            }
            copy.add(new Entry(key, keyLocation, value));
            return new MapNode(copy, location);
        }

        @Override
        public String kind() {
            return "a map";
        }

        @Override
        public MapNode relocate(Location newLocation) {
            return new MapNode(entries.stream()
                    .map(e -> new Entry(e.key(), newLocation, e.value().relocate(newLocation)))
                    .toList(), newLocation);
        }
    }

    /** One {@code key: value} pair; the key's own location is where unknown-key errors point. */
    record Entry(String key, Location keyLocation, Node value) {
    }

    record ListNode(List<Node> items, Location location) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        ListNode with(int index, Node item) {
            List<Node> copy = new ArrayList<>(items);
            copy.set(index, item);
            return new ListNode(copy, location);
        }

        @Override
        public String kind() {
            return "a list";
        }

        @Override
        public ListNode relocate(Location newLocation) {
            return new ListNode(items.stream().map(i -> i.relocate(newLocation)).toList(), newLocation);
        }
    }

    /**
     * A scalar as written. Its text is kept rather than a typed value because the binder
     * decides what it means from the key (a duration, a port, a name).
     *
     * @param isNull {@code ~}, {@code null} or nothing after the colon
     */
    record ScalarNode(String text, boolean isNull, Location location) implements Node {
        @Override
        public String kind() {
            return isNull ? "nothing (null)" : "a value";
        }

        @Override
        public ScalarNode relocate(Location newLocation) {
            return new ScalarNode(text, isNull, newLocation);
        }
    }
}
