package org.lbsim.cluster;

/** Draws one value of a random quantity (service work, interarrival time, time to failure). */
@FunctionalInterface
interface Sampler {
    double sample();
}
