package org.lbsim.balancing;

/** What a balancer can read off a request before choosing where it goes. */
public interface RequestInfo {

    /** The client's IPv4 address, as an unsigned 32-bit value in an int. */
    int sourceAddress();
}
