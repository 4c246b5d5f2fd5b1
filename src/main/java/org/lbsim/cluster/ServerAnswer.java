package org.lbsim.cluster;

/** What a server does with a connection that reached it. */
enum ServerAnswer {
    /** Taken into service or into the queue: an answer will come. */
    ACCEPTED,
    /** Queue full: answered at once with 503. */
    FULL,
    /** Crashed, booting or terminated: connection refused at once. */
    REFUSED,
    /** Cut off: the connection attempt times out. */
    UNREACHABLE,
    /** A black hole: answered at once with an error. */
    ERROR
}
