package org.lbsim.balancing;

/** What a balancer can read off a request before choosing where it goes. */
public interface RequestInfo {

    /** {@link #avoid()} of a request that has nothing to avoid: its first attempt. */
    int NO_BACKEND = -1;

    /** The client's IPv4 address, as an unsigned 32-bit value in an int. */
    int sourceAddress();

    /**
     * The id of the backend this attempt must not go to while another is usable: for a retry,
     * the backend whose connection just failed; {@link #NO_BACKEND} for a first attempt.
     */
    default int avoid() {
        return NO_BACKEND;
    }
}
