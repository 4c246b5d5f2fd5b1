package org.lbsim.balancing;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Peak-EWMA with two random choices, as Finagle's {@code Balancers.p2cPeakEwma} and Linkerd's
 * proxy do it: two distinct usable backends are sampled and the one with the lower load is
 * taken, the load being a peak-sensitive, time-decayed moving average of measured latency times
 * (outstanding + 1). A latency spike counts in full at once and fades with decay τ, so a
 * backend that slows down is avoided quickly. Weights do not apply. Ties go to either backend
 * with equal chance (the pair is in random order).
 *
 * <p>Parameter {@code decay} (τ, default 10s, Finagle's {@code decayTime}). Cost: O(1) per
 * decision and per answer. A retry samples its two among the others. A backend in slow start has
 * its load divided by f, its {@link BackendView#slowStartFactor()}, as in
 * {@code least-connections}: lbsim's extension, by analogy with Envoy's {@code LEAST_REQUEST},
 * whose two choices ramp a new endpoint's weight; still O(1).
 */
final class PeakEwma implements BalancingAlgorithm {

    static final Parameter DECAY = Parameter.positiveDuration("decay", "10s", 10,
            "how long a latency peak is remembered (τ of the exponential decay)");

    private final UniformRandomProvider random;
    private final DoubleSupplier clock;
    private final LatencyAverages averages;
    private Members members = Members.none();
    private BackendView[] backends = new BackendView[0];
    /** How many usable backends are in slow start. */
    private int ramping;

    PeakEwma(AlgorithmContext context) {
        this.random = context.random();
        this.clock = context.clock();
        this.averages = new LatencyAverages(context.value(DECAY), true);
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        backends = usable.toArray(new BackendView[0]);
        ramping = Ramping.of(members).size();
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = backends.length;
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        int avoided = members.positionOfId(request.avoid());
        if (avoided < 0) return n == 1 ? backends[0] : better(random.nextInt(n), n, -1);
        if (n == 1) return Pick.NoOtherBackend.INSTANCE;
        if (n == 2) return backends[1 - avoided];
        int i = random.nextInt(n - 1);
        return better(i >= avoided ? i + 1 : i, n - 1, avoided);
    }

    /** The lower load of backend {@code i} and another drawn from the {@code n} there are besides {@code skip}. */
    private BackendView better(int i, int n, int skip) {
        int iAmongOthers = skip >= 0 && i > skip ? i - 1 : i;
        int j = random.nextInt(n - 1);
        if (j >= iAmongOthers) j++;
        if (skip >= 0 && j >= skip) j++;
        double now = clock.getAsDouble();
        BackendView a = backends[i];
        BackendView b = backends[j];
        return load(b, now) < load(a, now) ? b : a;
    }

    /** Finagle's load, divided by the slow-start factor of a backend that ramps up. */
    private double load(BackendView backend, double now) {
        double load = LatencyAverages.load(averages.average(backend.id(), now), backend.outstanding());
        return ramping == 0 ? load : load / backend.slowStartFactor();
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        averages.observe(backend.id(), latencySeconds, clock.getAsDouble());
    }
}
