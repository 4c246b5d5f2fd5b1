package org.lbsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds an algorithm's name against the algorithms lbsim knows, and the values of its parameters
 * by the rules each algorithm declares. The balancer names an algorithm, and so does each
 * {@code set-algorithm} event.
 */
final class AlgorithmBinder {

    static final String DEFAULT_ALGORITHM = "round-robin";

    /** Algorithm name → the rules of the parameters it accepts, by key. */
    private final Map<String, Map<String, ParameterRule>> algorithms;
    private final Problems problems;
    private final Values values;

    AlgorithmBinder(Map<String, Map<String, ParameterRule>> algorithms, Problems problems, Values values) {
        this.algorithms = algorithms;
        this.problems = problems;
        this.values = values;
    }

    /** A known algorithm's name; absent means {@link #DEFAULT_ALGORITHM}. */
    String name(Node node, String path, Location whereAbsent) {
        Set<String> known = new TreeSet<>(algorithms.keySet());
        if (node == null) {
            if (algorithms.containsKey(DEFAULT_ALGORITHM)) return DEFAULT_ALGORITHM;
            problems.add(whereAbsent, path, "found no algorithm and the default '" + DEFAULT_ALGORITHM
                    + "' is not available, expected one of: " + String.join(", ", known));
            return null;
        }
        String name = values.text(node, path, "an algorithm name");
        if (name == null || known.contains(name)) return name;
        problems.add(node.location(), path, "found unknown algorithm '" + name + "'" + Suggestions.didYouMean(name, known)
                + ", expected one of: " + String.join(", ", known));
        return null;
    }

    /**
     * The keys of the algorithm's parameters, sorted. When the algorithm is wrong or unknown (null),
     * every algorithm's, so that only the algorithm is reported.
     */
    Set<String> parameterKeys(String algorithm) {
        Set<String> keys = new TreeSet<>();
        if (algorithm != null) {
            keys.addAll(rules(algorithm).keySet());
        } else {
            algorithms.values().forEach(rules -> keys.addAll(rules.keySet()));
        }
        return keys;
    }

    /**
     * The parameters written in {@code f}, by key, as the algorithm reads them. Without a known
     * algorithm there is no rule to check them by: each is kept as text.
     */
    Map<String, String> parameters(Fields f, String algorithm) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String key : parameterKeys(algorithm)) {
            Node value = f.get(key);
            if (value == null) continue;
            String text = algorithm == null
                    ? values.text(value, f.pathOf(key), "a value for the parameter '" + key + "'")
                    : parameter(value, f.pathOf(key), rules(algorithm).get(key));
            if (text != null) parameters.put(key, text);
        }
        return parameters;
    }

    /** The rules of the algorithm's parameters, by key; none for an unknown algorithm. */
    Map<String, ParameterRule> rules(String algorithm) {
        return algorithms.getOrDefault(algorithm, Map.of());
    }

    /** A parameter's value checked by its rule, as the algorithm reads it (see {@link ParameterRule}). */
    private String parameter(Node node, String path, ParameterRule rule) {
        return switch (rule.kind()) {
            case TEXT -> values.text(node, path, rule.expected());
            case INTEGER -> {
                Long value = values.integer(node, path, v -> rule.inRange().test(v), rule.expected());
                yield value == null ? null : Long.toString(value);
            }
            case NUMBER -> {
                Double value = values.number(node, path, rule.inRange(), rule.expected());
                yield value == null ? null : Double.toString(value);
            }
            case DURATION -> {
                Double seconds = values.duration(node, path, rule.inRange(), rule.expected());
                yield seconds == null ? null : Double.toString(seconds);
            }
        };
    }
}
