package org.lbsim.cluster;

/**
 * The run held {@code maxRequestsInSystem} requests at once and was stopped before memory ran
 * out: the scenario offers more load than its servers can carry.
 */
public final class SystemFullException extends RuntimeException {

    public SystemFullException(long limit, double at) {
        super(String.format("run stopped at t=%.3fs: %,d requests were in the system at once (maxRequestsInSystem). "
                + "The scenario offers more load than its servers can carry; lower the arrival rate, add capacity, "
                + "set queueCapacity, or raise maxRequestsInSystem.", at, limit));
    }
}
