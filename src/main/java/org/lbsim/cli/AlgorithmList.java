package org.lbsim.cli;

import java.util.List;
import org.lbsim.balancing.Algorithms;

/** Checks the names given to {@code --algorithms} against the registry, before any run. */
final class AlgorithmList {

    private AlgorithmList() {
    }

    static List<String> check(List<String> names, Algorithms algorithms) {
        for (String name : names) {
            if (algorithms.find(name).isEmpty()) {
                throw new UserInputException("--algorithms: found '" + name + "', expected names from "
                        + String.join(", ", algorithms.parameterKeys().keySet()));
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new UserInputException("--algorithms: found " + names + ", expected each algorithm once");
        }
        return List.copyOf(names);
    }
}
