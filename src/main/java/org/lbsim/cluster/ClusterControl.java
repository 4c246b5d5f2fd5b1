package org.lbsim.cluster;

import java.util.List;
import org.lbsim.cluster.spec.RuleSpec;

/**
 * The actions a scenario's {@code events:} timeline and the live UI can take on a running
 * cluster. Every call acts at the simulation's current time, on the simulation's thread.
 *
 * @throws IllegalArgumentException from any method, for a name the cluster does not have
 */
public interface ClusterControl {

    /** The server crashes (fail-stop). */
    void fail(String server);

    /** The server recovers from every impairment; the balancer still has to see it pass its checks. */
    void recover(String server);

    /** The server slows down: its speed is multiplied by {@code factor} (in (0, 1]) until it recovers. */
    void slow(String server, double factor);

    /** The server answers every request at once with an error, while passing health checks, until it recovers. */
    void blackHole(String server);

    /** A network change cuts the server off: connections to it time out, until it recovers. */
    void cutOff(String server);

    /** Launches an instance named {@code server} like {@code template} and registers it. */
    void addServer(String server, String template);

    /** Deregisters the instance: it drains what it holds, then terminates. */
    void removeServer(String server);

    /** Changes the balancer's weight for the server. */
    void setWeight(String server, int weight);

    /** A client population changes its mean arrival rate, in requests per second. */
    void setRate(String client, double rate);

    /** The balancer switches algorithm live. */
    void setAlgorithm(String algorithm);

    /**
     * Replaces the security group's inbound rules, live. Connections already admitted go on (a
     * group tracks them); the per-rule hit counts restart for the new rules, while the group's
     * denial count goes on.
     */
    void setSecurityRules(String group, List<RuleSpec> inbound);
}
