package org.lbsim.scenario;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.Scenario;

/**
 * Loads scenario files: YAML text, then {@code --set} overrides, then binding and validation to
 * an immutable {@link Scenario}. Every problem found is reported together, each with the file,
 * line and column (or the option) it comes from.
 *
 * <p>The reference of every key is {@code docs/scenario-reference.md}. An instance holds no state
 * besides the known algorithms; it may be shared between threads.
 */
public final class ScenarioLoader {

    private final Map<String, Map<String, ParameterRule>> algorithms;

    /**
     * A loader that checks only the keys of algorithm parameters and keeps their values as written.
     *
     * @param algorithms every known algorithm's name, with the keys of the parameters it accepts
     *                   under {@code balancer:} (empty when it takes none)
     */
    public ScenarioLoader(Map<String, Set<String>> algorithms) {
        this(new Catalog(anyText(algorithms)));
    }

    private ScenarioLoader(Catalog catalog) {
        Map<String, Map<String, ParameterRule>> copy = new HashMap<>();
        catalog.rules().forEach((name, rules) -> copy.put(name, Map.copyOf(rules)));
        this.algorithms = Map.copyOf(copy);
    }

    /**
     * A loader that also checks the value of each algorithm parameter, at its line and column.
     *
     * @param algorithms every known algorithm's name, with the rule of each parameter it accepts by key
     */
    public static ScenarioLoader checking(Map<String, Map<String, ParameterRule>> algorithms) {
        return new ScenarioLoader(new Catalog(algorithms));
    }

    private static Map<String, Map<String, ParameterRule>> anyText(Map<String, Set<String>> keys) {
        Map<String, Map<String, ParameterRule>> rules = new HashMap<>();
        keys.forEach((name, parameters) -> {
            Map<String, ParameterRule> byKey = new HashMap<>();
            parameters.forEach(key -> byKey.put(key, ParameterRule.anyText()));
            rules.put(name, byKey);
        });
        return rules;
    }

    /** The known algorithms' parameter rules; a type of its own so that the two constructors differ. */
    private record Catalog(Map<String, Map<String, ParameterRule>> rules) {
    }

    /**
     * Reads and validates a scenario file.
     *
     * @param overrides {@code PATH=VALUE} texts, applied in order
     * @throws ScenarioException listing every problem found
     */
    public Scenario load(Path file, List<String> overrides) throws ScenarioException {
        String text = InputFiles.readText(file, YamlTree.MAX_BYTES, "a scenario file");
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), overrides, folder == null ? Path.of("").toAbsolutePath() : folder);
    }

    /**
     * Validates scenario text.
     *
     * @param sourceName names the text in problems; its last path element without extension is
     *                   the scenario's name when the text gives none
     * @throws ScenarioException listing every problem found
     */
    public Scenario parse(String yamlText, String sourceName, List<String> overrides) throws ScenarioException {
        return parse(yamlText, sourceName, overrides, Path.of("").toAbsolutePath());
    }

    /**
     * Validates scenario text whose relative file names (a trace's {@code file}) are relative to
     * {@code folder}, the scenario file's.
     */
    public Scenario parse(String yamlText, String sourceName, List<String> overrides, Path folder) throws ScenarioException {
        Node root = YamlTree.read(yamlText, sourceName);
        Problems problems = new Problems(sourceName);
        Node overridden = Overrides.apply(root, overrides, problems);
        Scenario scenario = new ScenarioBinder(algorithms, defaultName(sourceName), problems, folder).bind(overridden);
        problems.throwIfAny();
        return scenario;
    }

    private static String defaultName(String sourceName) {
        String fileName = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
