package org.lbsim.trace;

/** Reads one line of a trace format into a record. */
interface LineParser {

    /**
     * Fills {@code into} from the line {@code text[from, to)} and returns true, or returns false
     * with {@code failure} saying why the line is malformed ({@code into} is then partly written).
     */
    boolean parse(char[] text, int from, int to, TraceRecord into, Failure failure);
}
