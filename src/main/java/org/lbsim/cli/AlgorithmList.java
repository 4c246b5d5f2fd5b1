package org.lbsim.cli;

import java.util.List;
import org.lbsim.balancing.Algorithms;
import org.lbsim.scenario.Suggestions;

/** Checks the names given to {@code --algorithm} and {@code --algorithms} against the registry, before any run. */
final class AlgorithmList {

    private AlgorithmList() {
    }

    static List<String> check(List<String> names, Algorithms algorithms) {
        for (String name : names) {
            if (algorithms.find(name).isEmpty()) throw unknown("--algorithms", name, algorithms);
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new UserInputException("--algorithms: found " + names + ", expected each algorithm once");
        }
        return List.copyOf(names);
    }

    /**
     * The mistake of an unknown algorithm name given to {@code option}, with the closest known name
     * as the scenario loader suggests one for a misspelt {@code algorithm:}.
     */
    static UserInputException unknown(String option, String name, Algorithms algorithms) {
        var known = algorithms.parameterKeys().keySet();
        return new UserInputException(option + ": found '" + name + "'" + Suggestions.didYouMean(name, known)
                + ", expected one of " + String.join(", ", known));
    }
}
