package org.lbsim.scenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lbsim.scenario.Node.Entry;
import org.lbsim.scenario.Node.ListNode;
import org.lbsim.scenario.Node.MapNode;
import org.lbsim.scenario.Node.ScalarNode;

/**
 * {@code --set PATH=VALUE} options, applied to the located tree before binding so that an
 * overridden value is checked exactly like a written one, and its problems point at the option.
 *
 * <p>A path is keys separated by dots. In a list, a segment picks the item whose {@code name} is
 * that segment, or else the item at that 0-based index. A key missing from a map is added, with a
 * map under it when the path goes on (so {@code balancer.algorithm=random} works on a scenario
 * without {@code balancer:}); a misspelt key is then reported by the binder, with a suggestion.
 * The value is YAML: {@code 300/s}, {@code []} and {@code {at: 1min, for: 30s}} all work.
 */
final class Overrides {

    private Overrides() {
    }

    /** Thrown while walking a path; becomes a problem at the option. */
    private static final class PathProblem extends Exception {
        PathProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** Returns the tree with every well-formed override applied; the others become problems. */
    static Node apply(Node root, List<String> overrides, Problems problems) {
        Node result = root;
        for (String option : overrides) {
            Location at = Location.override(option);
            int equals = option.indexOf('=');
            String path = equals < 0 ? "" : option.substring(0, equals).trim();
            if (path.isEmpty()) {
                problems.add(at, "", "found '" + option + "', expected PATH=VALUE such as clients.users.arrivals.rate=300/s");
                continue;
            }
            String[] segments = path.split("\\.", -1);
            if (segments.length > YamlTree.MAX_DEPTH) {
                problems.add(at, "", String.format("found a path of %,d keys, expected at most %d: a scenario nests "
                        + "no deeper (such as balancer.healthCheck.interval)", segments.length, YamlTree.MAX_DEPTH));
                continue;
            }
            if (List.of(segments).contains("")) {
                problems.add(at, "", "found the path '" + path + "' with an empty segment, expected keys separated by "
                        + "single dots such as balancer.healthCheck.interval");
                continue;
            }
            Optional<Node> value = value(option.substring(equals + 1), at, problems);
            if (value.isEmpty()) continue;
            try {
                result = set(result, segments, 0, value.get(), at);
            } catch (PathProblem e) {
                problems.add(at, "", e.getMessage());
            }
        }
        return result;
    }

    private static Optional<Node> value(String text, Location at, Problems problems) {
        if (text.isBlank()) return Optional.of(new ScalarNode("", true, at));
        try {
            return Optional.of(YamlTree.read(text, at.source()).relocate(at));
        } catch (ScenarioException e) {
            // The value's own line and column mean nothing to a user who typed one option.
            e.problems().forEach(p -> problems.add(at, "", "the value: " + p.message()));
            return Optional.empty();
        }
    }

    private static Node set(Node node, String[] segments, int index, Node value, Location at) throws PathProblem {
        String segment = segments[index];
        boolean last = index == segments.length - 1;
        if (node instanceof ListNode list) {
            int item = itemIndex(list, segment, segments, index);
            return list.with(item, last ? value : set(list.items().get(item), segments, index + 1, value, at));
        }
        MapNode map;
        if (node instanceof MapNode existing) {
            map = existing;
        } else if (node instanceof ScalarNode scalar && scalar.isNull()) {
            map = new MapNode(List.of(), node.location());
        } else {
            throw new PathProblem("found " + Fields.describe(node) + " at '" + prefix(segments, index)
                    + "', which has no key '" + segment + "'; expected a path to a key inside a map or list");
        }
        if (last) return map.with(segment, at, value);
        Node child = map.entry(segment).map(Entry::value).orElse(new MapNode(List.of(), at));
        return map.with(segment, at, set(child, segments, index + 1, value, at));
    }

    /** The item named {@code segment}, else the item at that index. */
    private static int itemIndex(ListNode list, String segment, String[] segments, int index) throws PathProblem {
        List<Node> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            if (name(items.get(i)).filter(segment::equals).isPresent()) return i;
        }
        if (segment.matches("\\d{1,9}") && Integer.parseInt(segment) < items.size()) return Integer.parseInt(segment);
        String names = IntStream.range(0, items.size())
                .mapToObj(i -> name(items.get(i)).orElse(String.valueOf(i)))
                .collect(Collectors.joining(", "));
        throw new PathProblem("found no item '" + segment + "' in '" + prefix(segments, index) + "'; expected "
                + (items.isEmpty() ? "an item, but the list is empty"
                : "an item's name or an index from 0 to " + (items.size() - 1) + " (items: " + names + ")"));
    }

    private static Optional<String> name(Node item) {
        if (!(item instanceof MapNode map)) return Optional.empty();
        return map.entry("name").map(Entry::value)
                .filter(v -> v instanceof ScalarNode s && !s.isNull())
                .map(v -> ((ScalarNode) v).text());
    }

    private static String prefix(String[] segments, int index) {
        return index == 0 ? "(the top level)" : String.join(".", List.of(segments).subList(0, index));
    }
}
