package org.lbsim.metrics;

/** How a request ended, from the client's point of view. The JSON names are the design's. */
public enum Outcome {
    /** Dropped by a security group. */
    DENIED("denied"),
    /** No room: a full queue, no healthy backend, or no listener on the port. */
    REJECTED("rejected"),
    /** Lost to a server failure, or sent to a down server before the balancer knew. */
    FAILED("failed"),
    /** The client gave up before the answer came. */
    TIMED_OUT("timedOut"),
    /** Answered in time. */
    COMPLETED("completed");

    private final String jsonName;

    Outcome(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
