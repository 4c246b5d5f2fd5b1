package org.lbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private final Simulation simulation = new Simulation();

    @Test
    void eventsComeOutInNonDecreasingTimeThenSchedulingOrder() {
        SplittableRandom random = new SplittableRandom(7);
        List<double[]> fired = new ArrayList<>();
        // Many events on a coarse time grid, so that ties are frequent.
        for (int i = 0; i < 20_000; i++) {
            double time = random.nextInt(500) / 10.0;
            double sequence = i;
            simulation.scheduleAt(time, t -> fired.add(new double[] {simulation.now(), sequence}), null);
        }
        simulation.runUntil(1_000);

        assertThat(fired).hasSize(20_000);
        for (int i = 1; i < fired.size(); i++) {
            double[] previous = fired.get(i - 1);
            double[] current = fired.get(i);
            assertThat(current[0]).isGreaterThanOrEqualTo(previous[0]);
            if (current[0] == previous[0]) assertThat(current[1]).isGreaterThan(previous[1]);
        }
    }

    @Test
    void eventsScheduledWhileRunningInterleaveCorrectly() {
        List<String> log = new ArrayList<>();
        simulation.schedule(1, x -> {
            log.add("a@" + simulation.now());
            simulation.schedule(0, y -> log.add("c@" + simulation.now()), null);
            simulation.schedule(0.5, y -> log.add("d@" + simulation.now()), null);
        }, null);
        simulation.schedule(1, x -> log.add("b@" + simulation.now()), null);
        simulation.runUntil(10);
        assertThat(log).containsExactly("a@1.0", "b@1.0", "c@1.0", "d@1.5");
        assertThat(simulation.now()).isEqualTo(10);
        assertThat(simulation.eventsFired()).isEqualTo(4);
    }

    @Test
    void aTimerFiresWhenItSaysUntilItStops() {
        List<Double> times = new ArrayList<>();
        simulation.startTimer(1, ignored -> {
            times.add(simulation.now());
            return times.size() < 3 ? simulation.now() + 2 : Timer.STOP;
        }, null);
        simulation.runUntil(100);
        assertThat(times).containsExactly(1.0, 3.0, 5.0);
        assertThat(simulation.eventsFired()).isEqualTo(3);
    }

    @Test
    void timersAndEventsShareOneOrder() {
        List<String> log = new ArrayList<>();
        simulation.schedule(1, what -> log.add(what + "@" + simulation.now()), "event scheduled first");
        simulation.startTimer(1, what -> {
            log.add(what + "@" + simulation.now());
            // Scheduled by the timer for the time of its own next firing: after it.
            if (simulation.now() == 1) simulation.scheduleAt(2, later -> log.add(later + "@" + simulation.now()), "event of the timer");
            return simulation.now() < 2 ? 2 : Timer.STOP;
        }, "timer");
        simulation.schedule(1, what -> log.add(what + "@" + simulation.now()), "event scheduled last");
        simulation.runUntil(10);
        assertThat(log).containsExactly("event scheduled first@1.0", "timer@1.0", "event scheduled last@1.0",
                "timer@2.0", "event of the timer@2.0");
    }

    @Test
    void aTimerCannotFireInThePast() {
        simulation.startTimer(1, ignored -> 0.5, null);
        assertThatThrownBy(() -> simulation.runUntil(10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulation.startTimer(0.5, ignored -> Timer.STOP, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runUntilLeavesLaterEventsPending() {
        List<Double> times = new ArrayList<>();
        simulation.schedule(1, x -> times.add(simulation.now()), null);
        simulation.schedule(5, x -> times.add(simulation.now()), null);
        simulation.runUntil(3);
        assertThat(times).containsExactly(1.0);
        assertThat(simulation.now()).isEqualTo(3);
        simulation.runUntil(6);
        assertThat(times).containsExactly(1.0, 5.0);
    }

    @Test
    void schedulingInThePastOrWithANegativeDelayIsAnError() {
        simulation.runUntil(10);
        assertThatThrownBy(() -> simulation.schedule(-1, x -> { }, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulation.scheduleAt(9, x -> { }, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simulation.schedule(Double.NaN, x -> { }, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stepFiresOneEventOrTimerAtATime() {
        List<Double> times = new ArrayList<>();
        simulation.schedule(2, x -> times.add(simulation.now()), null);
        simulation.schedule(1, x -> times.add(simulation.now()), null);
        simulation.startTimer(1.5, x -> {
            times.add(simulation.now());
            return Timer.STOP;
        }, null);
        assertThat(simulation.step()).isTrue();
        assertThat(times).containsExactly(1.0);
        assertThat(simulation.step()).isTrue();
        assertThat(simulation.step()).isTrue();
        assertThat(simulation.step()).isFalse();
        assertThat(times).containsExactly(1.0, 1.5, 2.0);
    }

    @Test
    void eventsScheduledByFiringEventsComeOutInTimeThenSchedulingOrder() {
        // Each event schedules 0 to 3 more, some at the same time, some soon, some far: the
        // calendar's first new event of a handler takes the firing event's place, the others are added.
        SplittableRandom random = new SplittableRandom(11);
        List<long[]> fired = new ArrayList<>();
        long[] scheduled = {0};
        EventHandler<Long> handler = new EventHandler<>() {
            @Override
            public void handle(Long sequence) {
                fired.add(new long[] {Double.doubleToLongBits(simulation.now()), sequence});
                int more = fired.size() < 200_000 ? random.nextInt(4) : 0;
                for (int i = 0; i < more; i++) {
                    double delay = switch (random.nextInt(3)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(3) / 64.0;
                        default -> random.nextInt(1000) / 8.0;
                    };
                    simulation.schedule(delay, this, scheduled[0]++);
                }
            }
        };
        for (int i = 0; i < 1000; i++) simulation.schedule(random.nextInt(100) / 4.0, handler, scheduled[0]++);
        simulation.runUntil(Double.POSITIVE_INFINITY);

        assertThat((long) fired.size()).isEqualTo(scheduled[0]);
        for (int i = 1; i < fired.size(); i++) {
            double previous = Double.longBitsToDouble(fired.get(i - 1)[0]);
            double current = Double.longBitsToDouble(fired.get(i)[0]);
            assertThat(current).isGreaterThanOrEqualTo(previous);
            if (current == previous) assertThat(fired.get(i)[1]).isGreaterThan(fired.get(i - 1)[1]);
        }
    }

    @Test
    void anEventWhoseHandlerThrowsIsGoneAndTheOthersStillFire() {
        List<String> log = new ArrayList<>();
        simulation.schedule(1, x -> {
            throw new IllegalStateException("full");
        }, null);
        simulation.schedule(2, x -> log.add("b"), null);
        simulation.schedule(3, x -> log.add("c"), null);
        assertThatThrownBy(() -> simulation.runUntil(10)).isInstanceOf(IllegalStateException.class);
        simulation.runUntil(10);
        assertThat(log).containsExactly("b", "c");
    }
}
