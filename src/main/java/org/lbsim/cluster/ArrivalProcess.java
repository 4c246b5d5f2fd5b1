package org.lbsim.cluster;

/** The times at which an open client sends: each call gives the next arrival after the last. */
interface ArrivalProcess {

    /** The time of the next arrival after {@code now}, or infinity when there is none. */
    double next(double now);
}
