package org.lbsim.cluster;

/**
 * A random variate: each call draws one value of a random quantity (service work, interarrival
 * time, time to failure).
 */
@FunctionalInterface
interface RandomVariate {
    double sample();
}
