package org.lbsim.scenario;

/**
 * Where a node of a scenario came from: a line and column of a file, or a {@code --set} option.
 *
 * @param source the file name as the user gave it, or the {@code --set PATH=VALUE} text
 * @param line   1-based; 0 when the source has no lines (an override)
 * @param column 1-based; 0 when the source has no lines
 * @param option whether the source is a command-line option rather than a file
 */
record Location(String source, int line, int column, boolean option) {

    /** An option's text longer than this is shortened in messages: a path of thousands of keys helps no one. */
    static final int MAX_OPTION_SHOWN = 200;

    /** A place in a file. */
    Location(String source, int line, int column) {
        this(source, line, column, false);
    }

    /** Every node of an override's value points at the option that supplied it. */
    static Location override(String optionText) {
        String shown = optionText.length() <= MAX_OPTION_SHOWN ? optionText
                : optionText.substring(0, MAX_OPTION_SHOWN) + String.format("... (%,d characters)", optionText.length());
        return new Location("--set " + shown, 0, 0, true);
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
