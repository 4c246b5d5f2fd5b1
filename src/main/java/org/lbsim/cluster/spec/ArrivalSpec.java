package org.lbsim.cluster.spec;

import java.nio.file.Path;
import java.util.List;
import org.lbsim.trace.TraceFormat;

/**
 * How a client's requests arrive in time: an open process that sends regardless of how the
 * cluster answers, or closed-loop users who each wait for an answer and think before the next.
 */
public sealed interface ArrivalSpec {

    /** An open arrival process: requests arrive at the process's times whatever the answers. */
    sealed interface Open extends ArrivalSpec {

        /** Mean requests per second in the long run. */
        double rate();

        /** A copy whose long-run rate is {@code newRate}, for {@code set-rate}. */
        Open withRate(double newRate);
    }

    /** A Poisson process whose rate follows a schedule (most often a fixed rate). */
    record Poisson(RateSchedule schedule) implements Open {
        public Poisson {
            if (schedule == null) throw new IllegalArgumentException("a Poisson process needs a rate");
        }

        public Poisson(double rate) {
            this(new RateSchedule.Fixed(rate));
        }

        @Override
        public double rate() {
            return schedule.longRunRate();
        }

        /** A fixed rate from now on: a {@code set-rate} overrides the schedule. */
        @Override
        public Open withRate(double newRate) {
            return new Poisson(newRate);
        }
    }

    /** Evenly spaced arrivals, one every {@code 1/rate} seconds. */
    record Constant(double rate) implements Open {
        public Constant {
            if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive");
        }

        @Override
        public Open withRate(double newRate) {
            return new Constant(newRate);
        }
    }

    /** One state of a Markov-modulated Poisson process: its rate and mean sojourn time. */
    record MmppState(double rate, double meanDuration) {
        public MmppState {
            if (!(rate >= 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("a state's rate must be 0 or more");
            if (!(meanDuration > 0)) throw new IllegalArgumentException("a state's mean duration must be positive");
        }
    }

    /**
     * A Markov-modulated Poisson process: Poisson at the current state's rate, staying in a
     * state for an exponential time of its mean duration, then moving to the next state in
     * the list (after the last, the first). Two states make the classic on/off burst model.
     */
    record Mmpp(List<MmppState> states) implements Open {
        public Mmpp {
            states = List.copyOf(states);
            if (states.size() < 2) throw new IllegalArgumentException("an MMPP needs at least two states");
            if (states.stream().noneMatch(s -> s.rate() > 0)) throw new IllegalArgumentException("some state's rate must be positive");
        }

        /** The long-run rate: the states' rates weighted by the fraction of time spent in each. */
        @Override
        public double rate() {
            double weighted = 0;
            double total = 0;
            for (MmppState state : states) {
                weighted += state.rate() * state.meanDuration();
                total += state.meanDuration();
            }
            return weighted / total;
        }

        /** Every state's rate scaled by one factor, so the bursts keep their shape. */
        @Override
        public Open withRate(double newRate) {
            double factor = newRate / rate();
            return new Mmpp(states.stream().map(s -> new MmppState(s.rate() * factor, s.meanDuration())).toList());
        }
    }

    /**
     * Replay of recorded traffic: one request per well-formed line of a CSV trace or a web
     * server's access log, at the line's time (relative to the first line's, divided by
     * {@code speedup}), from the line's source address.
     *
     * @param file             the trace, resolved against the scenario file's folder
     * @param strict           a malformed line stops the run instead of being skipped and counted
     * @param reorderWindow    whole seconds an access log's line may come late and still keep its
     *                         own second (logs are written as requests end, stamped when they began)
     * @param serviceFromBytes service demand from the response size when a line logs no time, or null
     */
    record Trace(Path file, TraceFormat format, double speedup, boolean strict, int reorderWindow,
                 BytesService serviceFromBytes) implements ArrivalSpec {
        public Trace {
            if (file == null || format == null) throw new IllegalArgumentException("a trace needs a file and a format");
            if (!(speedup > 0) || Double.isInfinite(speedup)) throw new IllegalArgumentException("speedup must be positive");
            if (reorderWindow < 0) throw new IllegalArgumentException("the reorder window must be 0 or more");
        }

        public Trace withSpeedup(double newSpeedup) {
            return new Trace(file, format, newSpeedup, strict, reorderWindow, serviceFromBytes);
        }

        public Trace withStrict(boolean newStrict) {
            return new Trace(file, format, speedup, newStrict, reorderWindow, serviceFromBytes);
        }
    }

    /** Service demand as a response's size would give it: {@code base + perKB × bytes / 1000}. */
    record BytesService(double base, double perKB) {
        public BytesService {
            if (!(base >= 0) || !(perKB >= 0) || Double.isInfinite(base + perKB)) {
                throw new IllegalArgumentException("base and perKB must be finite, 0 or more");
            }
        }

        /** Seconds of work for a response of {@code bytes} (unknown, -1: the base alone). */
        public double work(long bytes) {
            return bytes < 0 ? base : base + perKB * bytes / 1000;
        }
    }

    /**
     * Closed-loop users: each sends a request, waits for its answer (or its timeout), thinks for
     * a time drawn from {@code thinkTime}, and sends the next, as JMeter threads do.
     */
    record Closed(int users, DistributionSpec thinkTime) implements ArrivalSpec {
        public Closed {
            if (users < 1) throw new IllegalArgumentException("a closed client needs at least one user");
            if (thinkTime == null) throw new IllegalArgumentException("a closed client needs a think time");
        }
    }
}
