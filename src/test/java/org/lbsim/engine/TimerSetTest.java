package org.lbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimerSetTest {

    /**
     * Periodic timers at random phases, each rescheduling itself, among ordinary events that
     * schedule more of themselves: the same log, in the same order and at the same times,
     * whether the timers are in a {@link TimerSet} or in the simulation's calendar.
     */
    @Test
    void periodicTimersFireAsTheyWouldInTheSimulationsCalendar() {
        assertThat(run(true)).isEqualTo(run(false)).hasSizeGreaterThan(10_000);
    }

    private static List<String> run(boolean inTimerSet) {
        Simulation simulation = new Simulation();
        TimerSet timers = new TimerSet(simulation);
        List<String> log = new ArrayList<>();
        SplittableRandom phases = new SplittableRandom(3);
        SplittableRandom work = new SplittableRandom(4);
        double period = 2.5;
        EventHandler<Integer>[] tick = new EventHandler[1];
        tick[0] = id -> {
            log.add("timer " + id + " @ " + simulation.now());
            if (inTimerSet) timers.schedule(period, tick[0], id); else simulation.schedule(period, tick[0], id);
        };
        for (int id = 0; id < 50; id++) {
            double phase = phases.nextDouble() * period;
            if (inTimerSet) timers.schedule(phase, tick[0], id); else simulation.schedule(phase, tick[0], id);
        }
        EventHandler<Integer>[] job = new EventHandler[1];
        job[0] = n -> {
            log.add("job " + n + " @ " + simulation.now());
            simulation.schedule(-Math.log(1 - work.nextDouble()) * 0.01, job[0], n + 1);
        };
        simulation.schedule(0, job[0], 0);
        simulation.runUntil(100);
        log.add("events " + simulation.eventsFired());
        return log;
    }

    @Test
    void aTimerSetEarlierThanThePendingOnesFiresAtItsTime() {
        Simulation simulation = new Simulation();
        TimerSet timers = new TimerSet(simulation);
        List<String> log = new ArrayList<>();
        timers.schedule(10, what -> log.add(what + " @ " + simulation.now()), "late");
        simulation.schedule(1, x -> timers.schedule(2, what -> log.add(what + " @ " + simulation.now()), "early"), null);
        simulation.runUntil(20);

        assertThat(log).containsExactly("early @ 3.0", "late @ 10.0");
        // The event at 1, and one per timer: the superseded proxy for "late" is not counted.
        assertThat(simulation.eventsFired()).isEqualTo(3);
    }

    @Test
    void timersDueAtTheSameInstantFireInTheOrderTheyWereSet() {
        Simulation simulation = new Simulation();
        TimerSet timers = new TimerSet(simulation);
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < 5; i++) timers.schedule(1, fired::add, i);
        simulation.runUntil(2);

        assertThat(fired).containsExactly(0, 1, 2, 3, 4);
        assertThat(simulation.eventsFired()).isEqualTo(5);
    }
}
