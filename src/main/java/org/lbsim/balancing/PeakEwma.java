package org.lbsim.balancing;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Peak-EWMA with two random choices, as Finagle's {@code Balancers.p2cPeakEwma} and Linkerd's
 * proxy do it: two distinct usable backends are sampled and the one with the lower load is
 * taken, the load being a peak-sensitive, time-decayed moving average of measured latency times
 * (outstanding + 1). A latency spike counts in full at once and fades with decay τ, so a
 * backend that slows down is avoided quickly. Weights do not apply. Ties go to either backend
 * with equal chance (the pair is in random order).
 *
 * <p>Parameter {@code decay} (τ, default 10s, Finagle's {@code decayTime}). Cost: O(1) per
 * decision and per answer.
 */
final class PeakEwma implements BalancingAlgorithm {

    static final Parameter DECAY = Parameter.positiveDuration("decay", "10s", 10,
            "how long a latency peak is remembered (τ of the exponential decay)");

    private final RandomGenerator random;
    private final DoubleSupplier clock;
    private final LatencyAverages averages;
    private BackendView[] backends = new BackendView[0];

    PeakEwma(AlgorithmContext context) {
        this.random = context.random();
        this.clock = context.clock();
        this.averages = new LatencyAverages(context.value(DECAY), true);
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        backends = usable.toArray(new BackendView[0]);
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = backends.length;
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        if (n == 1) return backends[0];
        int i = random.nextInt(n);
        int j = random.nextInt(n - 1);
        if (j >= i) j++;
        double now = clock.getAsDouble();
        BackendView a = backends[i];
        BackendView b = backends[j];
        double loadA = LatencyAverages.load(averages.average(a.id(), now), a.outstanding());
        double loadB = LatencyAverages.load(averages.average(b.id(), now), b.outstanding());
        return loadB < loadA ? b : a;
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        averages.observe(backend.id(), latencySeconds, clock.getAsDouble());
    }
}
