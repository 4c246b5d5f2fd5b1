package org.lbsim.scenario;

/**
 * Where a node of a scenario came from: a line and column of a file, or a {@code --set} option.
 *
 * @param source the file name as the user gave it, or the whole {@code --set PATH=VALUE} text
 * @param line   1-based; 0 when the source has no lines (an override)
 * @param column 1-based; 0 when the source has no lines
 */
record Location(String source, int line, int column) {

    /** Every node of an override's value points at the option that supplied it. */
    static Location override(String optionText) {
        return new Location("--set " + optionText, 0, 0);
    }

    /** The text for {@link ScenarioException.Problem#where()}. */
    String where() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }

    /** "line 7" within the same file, or the option's text: for "first at ..." in messages. */
    String shortWhere() {
        return line > 0 ? "line " + line : source;
    }
}
