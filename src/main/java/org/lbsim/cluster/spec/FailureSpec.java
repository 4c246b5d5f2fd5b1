package org.lbsim.cluster.spec;

/**
 * An impairment of a server, scheduled or random.
 *
 * <p>{@code factor} is the speed multiplier of a {@link FailureKind#SLOWDOWN} (1 otherwise);
 * {@code passesHealthChecks} says whether a {@link FailureKind#BLACK_HOLE} still answers the
 * balancer's (shallow) health checks, as gray failures do.
 */
public sealed interface FailureSpec {

    FailureKind kind();

    double factor();

    boolean passesHealthChecks();

    /** From {@code at} for {@code duration} seconds. */
    record Scheduled(FailureKind kind, double factor, boolean passesHealthChecks, double at, double duration)
            implements FailureSpec {
        public Scheduled {
            checkKind(kind, factor);
            if (!(at >= 0)) throw new IllegalArgumentException("at must be at least 0");
            if (!(duration > 0)) throw new IllegalArgumentException("for must be positive");
        }

        /** A scheduled crash. */
        public Scheduled(double at, double duration) {
            this(FailureKind.CRASH, 1, false, at, duration);
        }
    }

    /**
     * Alternating up times (mean {@code mtbf}; exponential, or Weibull with shape
     * {@code weibullShape} when that is not NaN) and exponential repair times (mean {@code mttr}).
     */
    record Random(FailureKind kind, double factor, boolean passesHealthChecks, double mtbf, double mttr,
                  double weibullShape) implements FailureSpec {
        public Random {
            checkKind(kind, factor);
            if (!(mtbf > 0) || !(mttr > 0)) throw new IllegalArgumentException("mtbf and mttr must be positive");
            if (!Double.isNaN(weibullShape) && !(weibullShape > 0)) throw new IllegalArgumentException("shape must be positive");
        }

        /** Random exponential crashes. */
        public Random(double mtbf, double mttr) {
            this(FailureKind.CRASH, 1, false, mtbf, mttr, Double.NaN);
        }
    }

    private static void checkKind(FailureKind kind, double factor) {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (!(factor > 0) || factor > 1) throw new IllegalArgumentException("factor must be in (0, 1]");
    }
}
