package org.lbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calendar changes how it holds events as it grows past {@link EventCalendar#LARGE} and
 * shrinks below {@link EventCalendar#SMALL}; events must come out in (time, scheduling order)
 * whichever holds them, and across the switches.
 */
class EventCalendarTest {

    @Test
    void eventsComeOutInTimeThenAddedOrderAcrossGrowthAndShrinking() {
        SplittableRandom random = new SplittableRandom(11);
        EventCalendar calendar = new EventCalendar();
        PriorityQueue<OrderKey> oracle = new PriorityQueue<>();
        List<OrderKey> fired = new ArrayList<>();
        List<OrderKey> expected = new ArrayList<>();
        long[] added = {0};
        double[] now = {0};
        EventHandler<OrderKey> record = fired::add;
        // Three waves: grow to ~20,000 pending (far past LARGE), drain to ~100 (below SMALL), again.
        int[] targets = {20_000, 100, 6_000, 10, 3_000, 0};
        for (int target : targets) {
            while (oracle.size() != target) {
                boolean grow = oracle.size() < target;
                if (grow) {
                    double time = switch (random.nextInt(4)) {
                        case 0 -> now[0]; // now: ties with what fires next
                        case 1 -> now[0] + Math.floor(random.nextDouble() * 20) / 4; // a coarse grid: ties
                        case 2 -> now[0] + 1e6 * random.nextDouble(); // far ahead
                        default -> now[0] - Math.log(1 - random.nextDouble());
                    };
                    OrderKey key = new OrderKey(time, added[0]++);
                    oracle.add(key);
                    calendar.add(time, key.order(), record, key);
                } else {
                    OrderKey next = oracle.poll();
                    expected.add(next);
                    assertThat(calendar.peekTime()).isEqualTo(next.time());
                    now[0] = next.time();
                    calendar.fireFirst();
                }
            }
        }
        assertThat(calendar.isEmpty()).isTrue();
        assertThat(fired).hasSize(expected.size()).isEqualTo(expected);
    }

    @Test
    void handlersThatScheduleWhileFiringKeepTheOrderInEitherForm() {
        for (int pending : new int[] {10, 5_000}) {
            Simulation simulation = new Simulation();
            SplittableRandom random = new SplittableRandom(pending);
            List<double[]> fired = new ArrayList<>();
            long[] sequence = {0};
            EventHandler<double[]>[] hold = new EventHandler[1];
            hold[0] = event -> {
                fired.add(new double[] {simulation.now(), event[1]});
                double delay = random.nextInt(3) == 0 ? 0 : -Math.log(1 - random.nextDouble());
                simulation.schedule(delay, hold[0], new double[] {0, sequence[0]++});
            };
            for (int i = 0; i < pending; i++) simulation.schedule(random.nextDouble(), hold[0], new double[] {0, sequence[0]++});
            simulation.runUntil(50);
            assertThat(fired.size()).isGreaterThan(pending * 10);
            for (int i = 1; i < fired.size(); i++) {
                assertThat(fired.get(i)[0]).isGreaterThanOrEqualTo(fired.get(i - 1)[0]);
                if (fired.get(i)[0] == fired.get(i - 1)[0]) assertThat(fired.get(i)[1]).isGreaterThan(fired.get(i - 1)[1]);
            }
        }
    }
}
