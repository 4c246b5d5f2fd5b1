package org.lbsim.cluster;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.RateSchedule;

/**
 * Builds the arrival process of an open client. Every process here draws from the client's
 * arrival stream; an MMPP draws its state changes from a second stream, so that changing the
 * burst durations does not shift the arrivals' random numbers.
 */
final class ArrivalProcesses {

    private ArrivalProcesses() {
    }

    static ArrivalProcess of(ArrivalSpec.Open spec, UniformRandomProvider arrivals, UniformRandomProvider modulation) {
        if (spec instanceof ArrivalSpec.Poisson poisson) {
            if (poisson.schedule() instanceof RateSchedule.Fixed fixed) {
                var gaps = ZigguratSampler.Exponential.of(arrivals, 1 / fixed.rate());
                return now -> now + gaps.sample();
            }
            return new Thinned(poisson.schedule(), arrivals);
        } else if (spec instanceof ArrivalSpec.Constant constant) {
            double gap = 1 / constant.rate();
            return now -> now + gap;
        } else if (spec instanceof ArrivalSpec.Mmpp mmpp) {
            return new MarkovModulated(mmpp, arrivals, modulation);
        }
        throw new IllegalArgumentException("no arrival process for " + spec);
    }

    /**
     * A Poisson process whose rate varies in time, sampled by thinning (Lewis and Shedler, 1979):
     * candidates come at the schedule's maximum rate, and each is kept with probability
     * rate(t)/max. It is exact for any schedule, and costs max/mean draws per arrival.
     */
    static final class Thinned implements ArrivalProcess {
        private final RateSchedule schedule;
        private final UniformRandomProvider random;
        private final ZigguratSampler.Exponential candidates;
        private final double maxRate;
        private final double silentFrom;

        Thinned(RateSchedule schedule, UniformRandomProvider random) {
            this.schedule = schedule;
            this.random = random;
            this.maxRate = schedule.maxRate();
            this.candidates = ZigguratSampler.Exponential.of(random, 1 / maxRate);
            this.silentFrom = schedule.silentFrom();
        }

        @Override
        public double next(double now) {
            double t = now;
            while (true) {
                t += candidates.sample();
                if (t >= silentFrom) return Double.POSITIVE_INFINITY;
                if (random.nextDouble() * maxRate < schedule.rateAt(t)) return t;
            }
        }
    }

    /**
     * A Markov-modulated Poisson process. The state's remaining sojourn and the wait for the next
     * arrival are both exponential, so both may be drawn afresh whenever asked: a candidate
     * arrival that falls after the state ends is dropped, and drawing resumes in the next state
     * from its start. The first state is drawn from the stationary distribution (time shares
     * proportional to the mean durations), so the process is stationary from time 0.
     */
    static final class MarkovModulated implements ArrivalProcess {
        private final double[] rates;
        private final double[] meanDurations;
        private final UniformRandomProvider arrivals;
        private final ZigguratSampler.Exponential unitExponential;
        private final ZigguratSampler.Exponential unitSojourn;
        private int state;
        private double stateEndsAt;

        MarkovModulated(ArrivalSpec.Mmpp spec, UniformRandomProvider arrivals, UniformRandomProvider modulation) {
            this.rates = spec.states().stream().mapToDouble(ArrivalSpec.MmppState::rate).toArray();
            this.meanDurations = spec.states().stream().mapToDouble(ArrivalSpec.MmppState::meanDuration).toArray();
            this.arrivals = arrivals;
            this.unitExponential = ZigguratSampler.Exponential.of(arrivals);
            this.unitSojourn = ZigguratSampler.Exponential.of(modulation);
            double total = 0;
            for (double duration : meanDurations) total += duration;
            double u = modulation.nextDouble() * total;
            state = 0;
            while (state < meanDurations.length - 1 && u >= meanDurations[state]) u -= meanDurations[state++];
            stateEndsAt = unitSojourn.sample() * meanDurations[state];
        }

        @Override
        public double next(double now) {
            double t = now;
            while (true) {
                while (t >= stateEndsAt) advanceState();
                if (rates[state] > 0) {
                    double candidate = t + unitExponential.sample() / rates[state];
                    if (candidate < stateEndsAt) return candidate;
                }
                t = stateEndsAt;
            }
        }

        private void advanceState() {
            state = (state + 1) % rates.length;
            stateEndsAt += unitSojourn.sample() * meanDurations[state];
        }
    }
}
