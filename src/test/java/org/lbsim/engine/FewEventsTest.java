package org.lbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The small calendar finds the earliest event by a scan; it must give the (time, scheduling
 * order) of a priority queue, with many ties, and keep it when the simulation moves its events
 * to the large calendar.
 */
class FewEventsTest {

    @Test
    void eventsComeOutInTimeThenAddedOrderWhetherAddedBetweenEventsOrByAFiringOne() {
        SplittableRandom random = new SplittableRandom(5);
        FewEvents calendar = new FewEvents();
        PriorityQueue<OrderKey> oracle = new PriorityQueue<>();
        List<OrderKey> fired = new ArrayList<>();
        List<OrderKey> expected = new ArrayList<>();
        double[] now = {0};
        long[] added = {0};
        EventHandler<OrderKey>[] handler = new EventHandler[1];
        // A firing event adds none, one or two more, as arrivals and completions do: the first
        // takes the firing event's emptied entry.
        handler[0] = key -> {
            fired.add(key);
            int more = oracle.size() + 2 < FewEvents.CAPACITY ? random.nextInt(3) : 0;
            for (int i = 0; i < more; i++) add(calendar, oracle, handler[0], nextTime(random, now[0]), added);
        };
        for (int step = 0; step < 200_000; step++) {
            boolean add = oracle.isEmpty() || oracle.size() < FewEvents.CAPACITY && random.nextInt(3) == 0;
            if (add) {
                add(calendar, oracle, handler[0], nextTime(random, now[0]), added);
            } else {
                OrderKey next = oracle.poll();
                expected.add(next);
                assertThat(calendar.peekTime()).isEqualTo(next.time());
                now[0] = next.time();
                calendar.fireFirst();
            }
            assertThat(calendar.size()).isEqualTo(oracle.size());
        }
        assertThat(fired).isEqualTo(expected);
    }

    private static double nextTime(SplittableRandom random, double now) {
        return switch (random.nextInt(3)) {
            case 0 -> now; // ties with what is pending at now
            case 1 -> now + random.nextInt(3); // a coarse grid: ties among later ones
            default -> now - Math.log(1 - random.nextDouble());
        };
    }

    private static void add(FewEvents calendar, PriorityQueue<OrderKey> oracle, EventHandler<OrderKey> handler, double time, long[] added) {
        OrderKey key = new OrderKey(time, added[0]++);
        oracle.add(key);
        assertThat(calendar.add(time, key.order(), handler, key)).isTrue();
    }

    @Test
    void aFullCalendarRefusesAndItsLargerFormKeepsTheOrder() {
        FewEvents calendar = new FewEvents();
        List<Integer> fired = new ArrayList<>();
        EventHandler<Integer> record = fired::add;
        // All at the same time: only the scheduling order separates them.
        for (int i = 0; i < FewEvents.CAPACITY; i++) assertThat(calendar.add(1.0, i, record, i)).isTrue();
        assertThat(calendar.add(1.0, FewEvents.CAPACITY, record, FewEvents.CAPACITY)).isFalse();
        assertThat(calendar.size()).isEqualTo(FewEvents.CAPACITY);

        PendingEvents larger = calendar.grown();
        assertThat(larger).isInstanceOf(EventCalendar.class);
        for (int i = FewEvents.CAPACITY; i < 3 * FewEvents.CAPACITY; i++) larger.add(1.0, i, record, i);
        larger.add(0.5, 3 * FewEvents.CAPACITY, record, -1);
        while (!larger.isEmpty()) larger.fireFirst();

        List<Integer> expected = new ArrayList<>(List.of(-1));
        for (int i = 0; i < 3 * FewEvents.CAPACITY; i++) expected.add(i);
        assertThat(fired).isEqualTo(expected);
    }

    @Test
    void aSimulationOutgrowsTheSmallFormWhileAHandlerFiresAndKeepsTheOrder() {
        Simulation simulation = new Simulation();
        List<String> fired = new ArrayList<>();
        EventHandler<String> record = fired::add;
        // The burst's handler schedules past the small form's capacity while it fires.
        EventHandler<Integer> burst = count -> {
            fired.add("burst");
            for (int i = 0; i < count; i++) simulation.schedule(i % 2 == 0 ? 0 : 1, record, "b" + i);
        };
        simulation.schedule(1, record, "before-at-1");
        simulation.schedule(0, burst, 2 * FewEvents.CAPACITY);
        simulation.schedule(0, record, "after-burst-at-0");
        simulation.runUntil(10);

        List<String> expected = new ArrayList<>(List.of("burst", "after-burst-at-0"));
        for (int i = 0; i < 2 * FewEvents.CAPACITY; i += 2) expected.add("b" + i);
        expected.add("before-at-1");
        for (int i = 1; i < 2 * FewEvents.CAPACITY; i += 2) expected.add("b" + i);
        assertThat(fired).isEqualTo(expected);
        assertThat(simulation.eventsFired()).isEqualTo(3 + 2 * FewEvents.CAPACITY);
    }

    @Test
    void theHintChangesWhichFormHoldsTheEventsButNotTheirOrder() {
        assertThat(firingOrder(new Simulation())).isEqualTo(firingOrder(new Simulation(1_000)));
    }

    /** A hold model with ties: a dozen events pending, each firing schedules one more. */
    private static List<String> firingOrder(Simulation simulation) {
        SplittableRandom random = new SplittableRandom(3);
        List<String> fired = new ArrayList<>();
        long[] next = {0};
        EventHandler<Long>[] hold = new EventHandler[1];
        hold[0] = id -> {
            fired.add(simulation.now() + ":" + id);
            double delay = random.nextInt(4) == 0 ? 0 : random.nextInt(5);
            simulation.schedule(delay, hold[0], next[0]++);
        };
        for (int i = 0; i < 12; i++) simulation.schedule(random.nextInt(3), hold[0], next[0]++);
        simulation.runUntil(2_000);
        assertThat(fired).hasSizeGreaterThan(5_000);
        return fired;
    }
}
