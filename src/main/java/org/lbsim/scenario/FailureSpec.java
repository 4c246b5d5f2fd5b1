package org.lbsim.scenario;

/** An outage of a server: crash (fail-stop), scheduled or random. */
public sealed interface FailureSpec {

    /** Down from {@code at} for {@code duration} seconds. */
    record Scheduled(double at, double duration) implements FailureSpec {
        public Scheduled {
            if (!(at >= 0)) throw new IllegalArgumentException("at must be at least 0");
            if (!(duration > 0)) throw new IllegalArgumentException("for must be positive");
        }
    }

    /** Alternating exponential up times (mean {@code mtbf}) and down times (mean {@code mttr}). */
    record Random(double mtbf, double mttr) implements FailureSpec {
        public Random {
            if (!(mtbf > 0) || !(mttr > 0)) throw new IllegalArgumentException("mtbf and mttr must be positive");
        }
    }
}
