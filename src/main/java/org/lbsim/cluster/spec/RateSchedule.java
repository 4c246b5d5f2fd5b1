package org.lbsim.cluster.spec;

import java.util.List;

/**
 * How the rate of a Poisson client changes over simulated time: fixed, a piecewise schedule
 * (step or linear between points), or a daily cycle. A non-homogeneous Poisson process follows
 * it; the simulator samples it by thinning against {@link #maxRate()}.
 */
public sealed interface RateSchedule {

    /** Requests per second at time {@code t} (seconds since the start). */
    double rateAt(double t);

    /** An upper bound of {@link #rateAt} over all time. */
    double maxRate();

    /** The rate in the long run: what capacity warnings and the UI's rate slider start from. */
    double longRunRate();

    /** The time from which the rate is zero for ever, or infinity. */
    double silentFrom();

    /** One rate for ever. */
    record Fixed(double rate) implements RateSchedule {
        public Fixed {
            if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive");
        }

        @Override
        public double rateAt(double t) {
            return rate;
        }

        @Override
        public double maxRate() {
            return rate;
        }

        @Override
        public double longRunRate() {
            return rate;
        }

        @Override
        public double silentFrom() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** How a piecewise schedule goes from one point to the next. */
    enum Interpolation {
        /** The rate holds until the next point. */
        STEP,
        /** The rate changes linearly to the next point's. */
        LINEAR
    }

    /** A rate that takes effect at a time. */
    record Point(double at, double rate) {
        public Point {
            if (!(at >= 0)) throw new IllegalArgumentException("a point's time must be 0 or more");
            if (!(rate >= 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("a point's rate must be 0 or more");
        }
    }

    /**
     * Rates at points in time, the first at 0; after the last point its rate holds for ever.
     */
    record Piecewise(List<Point> points, Interpolation interpolation) implements RateSchedule {
        public Piecewise {
            points = List.copyOf(points);
            if (points.isEmpty() || points.get(0).at() != 0) throw new IllegalArgumentException("the first point must be at 0");
            for (int i = 1; i < points.size(); i++) {
                if (!(points.get(i).at() > points.get(i - 1).at())) {
                    throw new IllegalArgumentException("the points' times must increase");
                }
            }
            if (points.stream().noneMatch(p -> p.rate() > 0)) throw new IllegalArgumentException("some rate must be positive");
        }

        @Override
        public double rateAt(double t) {
            int i = lastAtOrBefore(t);
            Point point = points.get(i);
            if (interpolation == Interpolation.STEP || i == points.size() - 1) return point.rate();
            Point next = points.get(i + 1);
            double fraction = (t - point.at()) / (next.at() - point.at());
            return point.rate() + fraction * (next.rate() - point.rate());
        }

        private int lastAtOrBefore(double t) {
            int low = 0;
            int high = points.size() - 1;
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (points.get(middle).at() <= t) low = middle; else high = middle - 1;
            }
            return low;
        }

        @Override
        public double maxRate() {
            return points.stream().mapToDouble(Point::rate).max().orElseThrow();
        }

        @Override
        public double longRunRate() {
            return points.get(points.size() - 1).rate();
        }

        @Override
        public double silentFrom() {
            int last = points.size() - 1;
            if (points.get(last).rate() > 0) return Double.POSITIVE_INFINITY;
            // The rate is zero from the last point on; with steps, from the first of the zeros
            // that run to the end.
            int first = last;
            while (first > 0 && points.get(first - 1).rate() == 0) first--;
            return points.get(first).at();
        }
    }

    /**
     * A daily cycle: a sinusoid between {@code trough} and {@code peak}, highest at
     * {@code peakAt} (seconds after the start, modulo the period).
     */
    record Cycle(double trough, double peak, double peakAt, double period) implements RateSchedule {
        public Cycle {
            if (!(trough >= 0)) throw new IllegalArgumentException("the trough must be 0 or more");
            if (!(peak > trough)) throw new IllegalArgumentException("the peak must be above the trough");
            if (!(period > 0)) throw new IllegalArgumentException("the period must be positive");
            if (!(peakAt >= 0)) throw new IllegalArgumentException("peakAt must be 0 or more");
        }

        @Override
        public double rateAt(double t) {
            double middle = (peak + trough) / 2;
            double amplitude = (peak - trough) / 2;
            return Math.max(0, middle + amplitude * Math.cos(2 * Math.PI * (t - peakAt) / period));
        }

        @Override
        public double maxRate() {
            return peak;
        }

        @Override
        public double longRunRate() {
            return (peak + trough) / 2;
        }

        @Override
        public double silentFrom() {
            return Double.POSITIVE_INFINITY;
        }
    }
}
