package org.lbsim.cluster.spec;

import java.util.List;

/**
 * One instance behind the balancer.
 *
 * @param workers       requests in service at once
 * @param queueCapacity requests that may wait; {@link #UNLIMITED_QUEUE} for no limit
 * @param speed         work per second; a request of work w takes w / speed seconds
 * @param weight        the balancer's configured weight (weighted algorithms)
 * @param costPerHour   what the instance costs per hour it runs (any currency; 0 when unknown)
 * @param bootTime      seconds from launch until an instance added during the run can answer;
 *                      instances present at time 0 are already in service
 */
public record ServerSpec(
        String name,
        String securityGroup,
        int workers,
        int queueCapacity,
        double speed,
        int weight,
        List<FailureSpec> failures,
        double costPerHour,
        double bootTime) {

    public static final int UNLIMITED_QUEUE = Integer.MAX_VALUE;

    /** A server with no cost and no boot time. */
    public ServerSpec(String name, String securityGroup, int workers, int queueCapacity, double speed, int weight,
                      List<FailureSpec> failures) {
        this(name, securityGroup, workers, queueCapacity, speed, weight, failures, 0, 0);
    }

    /** A copy under another name, for instances added from this one as a template. */
    public ServerSpec named(String newName) {
        return new ServerSpec(newName, securityGroup, workers, queueCapacity, speed, weight, List.of(), costPerHour, bootTime);
    }

    /** The same server with another weight, as a set-weight event leaves it. */
    public ServerSpec withWeight(int newWeight) {
        return new ServerSpec(name, securityGroup, workers, queueCapacity, speed, newWeight, failures, costPerHour, bootTime);
    }

    public ServerSpec {
        failures = List.copyOf(failures);
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (queueCapacity < 0) throw new IllegalArgumentException("queueCapacity must be at least 0");
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be positive");
        if (weight < 0) throw new IllegalArgumentException("weight must be at least 0");
        if (!(costPerHour >= 0)) throw new IllegalArgumentException("costPerHour must be at least 0");
        if (!(bootTime >= 0)) throw new IllegalArgumentException("bootTime must be at least 0");
    }
}
