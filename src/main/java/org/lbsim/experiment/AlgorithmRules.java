package org.lbsim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.balancing.Parameter;
import org.lbsim.scenario.ParameterRule;
import org.lbsim.scenario.ScenarioLoader;

/**
 * The bridge between the algorithms' parameter declarations and the scenario loader's rules, so
 * that neither package knows the other: a scenario's {@code choices: 0} is reported at its line
 * like any other bad value. The command line and the window both load scenarios through it.
 */
public final class AlgorithmRules {

    private AlgorithmRules() {
    }

    /** A scenario loader that knows every algorithm of {@code algorithms} and checks its parameters' values. */
    public static ScenarioLoader loader(Algorithms algorithms) {
        return ScenarioLoader.checking(rules(algorithms));
    }

    /** Algorithm name → the rule of each parameter it accepts, by key: what the loader and the scenario schema use. */
    public static Map<String, Map<String, ParameterRule>> rules(Algorithms algorithms) {
        Map<String, Map<String, ParameterRule>> rules = new LinkedHashMap<>();
        for (AlgorithmInfo info : algorithms.all()) {
            Map<String, ParameterRule> byKey = new LinkedHashMap<>();
            for (Parameter parameter : info.parameters()) byKey.put(parameter.key(), rule(parameter));
            rules.put(info.name(), byKey);
        }
        return rules;
    }

    private static ParameterRule rule(Parameter parameter) {
        ParameterRule.Kind kind = switch (parameter.kind()) {
            case INTEGER -> ParameterRule.Kind.INTEGER;
            case NUMBER -> ParameterRule.Kind.NUMBER;
            case DURATION -> ParameterRule.Kind.DURATION;
        };
        return new ParameterRule(kind, parameter.inRange(), parameter.range(), parameter.defaultValue(),
                parameter.maxTimesTotalWeight(), parameter.min(), parameter.max(), parameter.defaultText(),
                parameter.description());
    }
}
