package org.lbsim.scenario;

import java.util.List;

/**
 * One instance behind the balancer.
 *
 * @param workers       requests in service at once
 * @param queueCapacity requests that may wait; {@link #UNLIMITED_QUEUE} for no limit
 * @param speed         work per second; a request of work w takes w / speed seconds
 * @param weight        the balancer's configured weight (weighted algorithms)
 */
public record ServerSpec(
        String name,
        String securityGroup,
        int workers,
        int queueCapacity,
        double speed,
        int weight,
        List<FailureSpec> failures) {

    public static final int UNLIMITED_QUEUE = Integer.MAX_VALUE;

    public ServerSpec {
        failures = List.copyOf(failures);
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        if (queueCapacity < 0) throw new IllegalArgumentException("queueCapacity must be at least 0");
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be positive");
        if (weight < 0) throw new IllegalArgumentException("weight must be at least 0");
    }
}
