package org.lbsim.cluster;

/**
 * The actions a scenario's {@code events:} timeline and the live UI can take on a running
 * cluster. Every call acts at the simulation's current time, on the simulation's thread.
 *
 * @throws IllegalArgumentException from any method, for a name the cluster does not have
 */
public interface ClusterControl {

    /** The server crashes (fail-stop). */
    void fail(String server);

    /** The server comes back up; the balancer still has to see it pass its checks. */
    void recover(String server);

    /** A client population changes its mean arrival rate, in requests per second. */
    void setRate(String client, double rate);

    /** The balancer switches algorithm live. */
    void setAlgorithm(String algorithm);
}
