package org.lbsim.experiment;

/** Told how many runs an experiment plans and when each ends; called from worker threads. */
public interface Progress {

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void planned(long runs) {
        }

        @Override
        public void runEnded() {
        }
    };

    /** The number of runs planned so far; may grow (a precision target asks for more). */
    void planned(long runs);

    void runEnded();

    /** Runs of the experiment that need no running, their results being stored already (a resumed campaign). */
    default void skipped(long runs) {
    }
}
