package org.lbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Timers are kept in a lane of their own, for speed only: events must fire in the very order,
 * at the very times, they would if every timer were an ordinary event, ties at the same instant
 * included.
 */
class TimerLaneTest {

    /**
     * Periodic timers at phases on a coarse grid (so that they often fall at the same instant as
     * each other and as the jobs, which also land on the grid half the time), each rescheduling
     * itself, among jobs that schedule more of themselves and now and then a timer: the same log
     * whether timers are scheduled as timers or as ordinary events.
     */
    @Test
    void timersFireInTheOrderTheyWouldHaveAsOrdinaryEventsTiesIncluded() {
        for (int pending : new int[] {3, 40}) { // the small calendar and the large one
            List<String> asTimers = run(true, pending);
            assertThat(asTimers).isEqualTo(run(false, pending)).hasSizeGreaterThan(3_000);
        }
    }

    private static List<String> run(boolean asTimers, int jobs) {
        Simulation simulation = new Simulation(jobs);
        List<String> log = new ArrayList<>();
        SplittableRandom phases = new SplittableRandom(3);
        SplittableRandom work = new SplittableRandom(4);
        double period = 2.5;
        EventHandler<Integer>[] tick = new EventHandler[1];
        tick[0] = id -> {
            log.add("timer " + id + " @ " + simulation.now());
            schedule(simulation, asTimers, period, tick[0], id);
        };
        for (int id = 0; id < 50; id++) schedule(simulation, asTimers, phases.nextInt(10) * 0.25, tick[0], id);
        EventHandler<Integer>[] job = new EventHandler[1];
        job[0] = n -> {
            log.add("job " + n + " @ " + simulation.now());
            double delay = work.nextBoolean() ? work.nextInt(4) * 0.25 : -Math.log(1 - work.nextDouble()) * 0.05;
            simulation.schedule(delay, job[0], n + jobs);
            if (work.nextInt(50) == 0) schedule(simulation, asTimers, work.nextInt(3) * 0.25, tick[0], -n);
        };
        for (int n = 0; n < jobs; n++) simulation.schedule(work.nextInt(4) * 0.25, job[0], n);
        simulation.runUntil(100);
        log.add("events " + simulation.eventsFired());
        return log;
    }

    private static <T> void schedule(Simulation simulation, boolean asTimer, double delay, EventHandler<T> handler, T payload) {
        if (asTimer) simulation.scheduleTimer(delay, handler, payload); else simulation.schedule(delay, handler, payload);
    }

    @Test
    void aTimerSetLaterButDueEarlierFiresAtItsTime() {
        Simulation simulation = new Simulation();
        List<String> log = new ArrayList<>();
        simulation.scheduleTimer(10, what -> log.add(what + " @ " + simulation.now()), "late");
        simulation.schedule(1, x -> simulation.scheduleTimer(2, what -> log.add(what + " @ " + simulation.now()), "early"), null);
        simulation.runUntil(20);

        assertThat(log).containsExactly("early @ 3.0", "late @ 10.0");
        assertThat(simulation.eventsFired()).isEqualTo(3);
    }

    @Test
    void timersAndEventsDueAtTheSameInstantFireInTheOrderTheyWereScheduled() {
        Simulation simulation = new Simulation();
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (i % 2 == 0) simulation.scheduleTimer(1, fired::add, "timer " + i);
            else simulation.schedule(1, fired::add, "event " + i);
        }
        simulation.scheduleTimerAt(2, fired::add, "alone");
        assertThat(simulation.step()).isTrue();
        simulation.runUntil(3);

        assertThat(fired).containsExactly("timer 0", "event 1", "timer 2", "event 3", "timer 4", "event 5", "alone");
        assertThat(simulation.eventsFired()).isEqualTo(7);
        assertThat(simulation.step()).isFalse();
    }
}
