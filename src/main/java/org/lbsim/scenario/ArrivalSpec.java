package org.lbsim.scenario;

/** How a client's requests arrive in time. */
public sealed interface ArrivalSpec {

    /** Mean requests per second. */
    double rate();

    /** A copy at another rate, for {@code set-rate}. */
    ArrivalSpec withRate(double newRate);

    /** Exponential interarrival times: a Poisson process of the given rate. */
    record Poisson(double rate) implements ArrivalSpec {
        public Poisson {
            if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive");
        }

        @Override
        public ArrivalSpec withRate(double newRate) {
            return new Poisson(newRate);
        }
    }

    /** Evenly spaced arrivals, one every {@code 1/rate} seconds. */
    record Constant(double rate) implements ArrivalSpec {
        public Constant {
            if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive");
        }

        @Override
        public ArrivalSpec withRate(double newRate) {
            return new Constant(newRate);
        }
    }
}
