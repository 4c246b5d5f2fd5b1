package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The problems found so far in one scenario, so that a user sees all of them at once. */
final class Problems {

    private final List<ScenarioException.Problem> found = new ArrayList<>();

    /**
     * Records a problem.
     *
     * @param path    the YAML path of the value, such as {@code clients[0].arrivals.rate}; empty for the root
     * @param message what was found and what was expected
     */
    void add(Location at, String path, String message) {
        found.add(new ScenarioException.Problem(at.where(), path.isEmpty() ? message : path + ": " + message));
    }

    void add(ScenarioException.Problem problem) {
        found.add(problem);
    }

    /** A mark to compare with later: if the count grew, the part read since then is invalid. */
    int count() {
        return found.size();
    }

    /**
     * Builds a record, turning an invariant its constructor enforces into a problem at the node
     * the record was read from. Returns null when the record refused.
     */
    <T> T construct(Location at, String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            add(at, path, e.getMessage());
            return null;
        }
    }

    void throwIfAny() throws ScenarioException {
        if (!found.isEmpty()) throw new ScenarioException(found);
    }
}
