package org.lbsim.balancing;

import java.util.function.ToDoubleFunction;

/**
 * The backends in slow start of a least-loaded choice, compared one by one by the load the
 * algorithm defines: they stay out of its index of counts, whose order would go stale as their
 * factor grows with the clock. Each call is O(r) for r backends in slow start.
 */
final class RampingLoads {

    private RampingLoads() {
    }

    /** The lowest load among {@code ramping} but the backend whose id is {@code avoid}; +∞ when there is none. */
    static double minimum(BackendView[] ramping, int avoid, ToDoubleFunction<BackendView> load) {
        double best = Double.POSITIVE_INFINITY;
        for (BackendView backend : ramping) {
            if (backend.id() == avoid) continue;
            double value = load.applyAsDouble(backend);
            if (value < best) best = value;
        }
        return best;
    }

    /** How many of {@code ramping}, but {@code avoid}, have exactly the load {@code best}. */
    static int tiedAt(BackendView[] ramping, int avoid, double best, ToDoubleFunction<BackendView> load) {
        int ties = 0;
        for (BackendView backend : ramping) {
            if (backend.id() != avoid && load.applyAsDouble(backend) == best) ties++;
        }
        return ties;
    }

    /** The {@code k}-th of those {@link #tiedAt} counts, in the order of {@code ramping}. */
    static BackendView tied(int k, BackendView[] ramping, int avoid, double best, ToDoubleFunction<BackendView> load) {
        for (BackendView backend : ramping) {
            if (backend.id() != avoid && load.applyAsDouble(backend) == best && k-- == 0) return backend;
        }
        throw new IllegalStateException("no tied backend in slow start");
    }

    /** Whether the backend whose id is {@code id} is one of {@code ramping}. */
    static boolean contains(BackendView[] ramping, int id) {
        for (BackendView backend : ramping) if (backend.id() == id) return true;
        return false;
    }
}
