package org.lbsim.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario that cannot be used, with every problem found and where it is. This is a user's
 * mistake, not a bug: the command line prints {@link #getMessage()} and exits with status 2.
 */
public final class ScenarioException extends Exception {

    private final List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One thing wrong, where it is, what was found and what was expected.
     *
     * @param where      {@code file:line:column}, or the command-line option that supplied the value
     * @param fromOption whether {@code where} is a command-line option ({@code --set}): then the
     *                   problem reads as every other argument error, {@code lbsim: --set ...: ...}
     */
    public record Problem(String where, String message, boolean fromOption) {

        /** A problem in a file. */
        public Problem(String where, String message) {
            this(where, message, false);
        }

        @Override
        public String toString() {
            return (fromOption ? "lbsim: " : "") + where + ": " + message;
        }
    }
}
