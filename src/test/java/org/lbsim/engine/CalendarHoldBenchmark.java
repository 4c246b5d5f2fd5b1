package org.lbsim.engine;

import java.util.SplittableRandom;

/**
 * The event calendar alone, under the load the reference workload puts on it: one Poisson
 * arrival stream at rate 0.8·n, each arrival scheduling a completion one exponential second
 * later, so that about 0.8·n events are pending (n the number of backends it stands for). Not a
 * test (timings never are): run it by hand, see docs/performance.md.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * java -XX:+UseParallelGC -cp target/test-classes:target/lbsim.jar org.lbsim.engine.CalendarHoldBenchmark 10000 5000000
 * </pre>
 */
public final class CalendarHoldBenchmark {

    private final SplittableRandom random = new SplittableRandom(1);
    private final Simulation simulation = new Simulation();
    private final double rate;
    private long arrivals;
    private final EventHandler<Object> completion = ignored -> { };
    private final EventHandler<Object> arrival = new EventHandler<>() {
        @Override
        public void handle(Object ignored) {
            simulation.schedule(exponential() / rate, this, null);
            simulation.schedule(exponential(), completion, null);
            arrivals++;
        }
    };

    private CalendarHoldBenchmark(int backends) {
        this.rate = 0.8 * backends;
    }

    private double exponential() {
        return -Math.log(1 - random.nextDouble());
    }

    /** Nanoseconds of wall time per arrival (two events scheduled and fired) over {@code requests} arrivals. */
    private double run(long requests) {
        simulation.schedule(0, arrival, null);
        simulation.runUntil(10); // the calendar grows to its steady size
        long before = arrivals;
        long started = System.nanoTime();
        simulation.runUntil(10 + requests / rate);
        return (double) (System.nanoTime() - started) / (arrivals - before);
    }

    public static void main(String[] args) {
        int backends = Integer.parseInt(args[0]);
        long requests = Long.parseLong(args[1]);
        for (int repetition = 0; repetition < 6; repetition++) {
            double nanos = new CalendarHoldBenchmark(backends).run(requests);
            System.out.printf("%d backends: %.1f ns a request (%.2f M/s)%n", backends, nanos, 1e3 / nanos);
        }
    }
}
