package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The problems found so far in one scenario, so that a user sees all of them at once. */
final class Problems {

    /**
     * Problems kept; later ones are only counted. A file of a megabyte can hold tens of thousands
     * of mistakes, and no one reads past the first screens of them.
     */
    static final int MAX_KEPT = 100;

    private final String source;
    private final List<ScenarioException.Problem> found = new ArrayList<>();
    private int count;

    /** @param source the scenario's file name, where a note on problems not shown points */
    Problems(String source) {
        this.source = source;
    }

    /**
     * Records a problem.
     *
     * @param path    the YAML path of the value, such as {@code clients[0].arrivals.rate}; empty for the root
     * @param message what was found and what was expected
     */
    void add(Location at, String path, String message) {
        add(new ScenarioException.Problem(at.where(), path.isEmpty() ? message : path + ": " + message, at.option()));
    }

    void add(ScenarioException.Problem problem) {
        if (count++ < MAX_KEPT) found.add(problem);
    }

    /** A mark to compare with later: if the count grew, the part read since then is invalid. */
    int count() {
        return count;
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
        if (found.isEmpty()) return;
        if (count == found.size()) throw new ScenarioException(found);
        List<ScenarioException.Problem> shown = new ArrayList<>(found);
        shown.add(new ScenarioException.Problem(source, String.format(
                "found %,d more problems, not shown; fix the %d above first", count - found.size(), MAX_KEPT)));
        throw new ScenarioException(shown);
    }
}
