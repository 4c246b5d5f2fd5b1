package org.lbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast calendars held against the plain one: given the same events, and handlers that add
 * the same events while they fire, they must fire them in the same order. The fast one starts as
 * {@link FewEvents}, grows into an {@link EventCalendar}, and that changes how it holds events as
 * it grows past {@link EventCalendar#LARGE} and shrinks below {@link EventCalendar#SMALL}, so the
 * run grows and drains through every form several times.
 */
class EventCalendarTest {

    /** One calendar with what it fired, in order, and the sequence numbers it hands out. */
    private static final class Driven {
        Calendar calendar;
        final List<Long> fired = new ArrayList<>();
        long nextSequence;
        final EventHandler<double[]> handler;

        Driven(Calendar calendar) {
            this.calendar = calendar;
            // An event's payload is {time, sequence}. Firing, it may add up to two events, drawn
            // from its own sequence number, so that both calendars' handlers add the same ones.
            this.handler = event -> {
                long sequence = (long) event[1];
                fired.add(sequence);
                SplittableRandom random = new SplittableRandom(sequence);
                if (random.nextInt(4) == 0) {
                    for (int i = random.nextInt(3); i > 0; i--) add(laterTime(event[0], random));
                }
            };
        }

        void add(double time) {
            long sequence = nextSequence++;
            double[] payload = {time, sequence};
            if (!calendar.add(time, sequence, handler, payload)) {
                calendar = calendar.grown();
                calendar.add(time, sequence, handler, payload);
            }
        }
    }

    /** A time not before {@code now}: often equal to it or on a coarse grid (ties), sometimes far ahead. */
    private static double laterTime(double now, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> now;
            case 1 -> now + Math.floor(random.nextDouble() * 20) / 4;
            case 2 -> now + 1e6 * random.nextDouble();
            default -> now - Math.log(1 - random.nextDouble());
        };
    }

    @Test
    void firesWhatThePlainCalendarFiresInTheSameOrderAcrossGrowthAndShrinking() {
        Driven fast = new Driven(new FewEvents());
        Driven plain = new Driven(new PlainCalendar());
        SplittableRandom random = new SplittableRandom(11);
        double now = 0;
        // A few (FewEvents), then ~20,000 pending (far past LARGE), ~100 (below SMALL), and again.
        for (int target : new int[] {12, 3, 20_000, 100, 6_000, 10, 3_000, 0}) {
            while (pending(plain) != target) {
                if (pending(plain) < target) {
                    double time = laterTime(now, random);
                    fast.add(time);
                    plain.add(time);
                } else {
                    assertThat(fast.calendar.peekTime()).isEqualTo(plain.calendar.peekTime());
                    assertThat(fast.calendar.peekSequence()).isEqualTo(plain.calendar.peekSequence());
                    now = plain.calendar.peekTime();
                    fast.calendar.fireFirst();
                    plain.calendar.fireFirst();
                }
            }
        }
        assertThat(fast.calendar).isInstanceOf(EventCalendar.class);
        assertThat(fast.calendar.isEmpty()).isTrue();
        assertThat(plain.fired).hasSizeGreaterThan(29_000);
        assertThat(fast.fired).isEqualTo(plain.fired);
    }

    /** Events added minus events fired: what the plain calendar holds. */
    private static long pending(Driven driven) {
        return driven.nextSequence - driven.fired.size();
    }

    @Test
    void aSimulationKeepsTheOrderWhenHandlersScheduleWhileFiringInEitherForm() {
        for (int pending : new int[] {10, 5_000}) {
            Simulation simulation = new Simulation();
            SplittableRandom random = new SplittableRandom(pending);
            List<double[]> fired = new ArrayList<>();
            long[] sequence = {0};
            // Each event schedules the next: the number pending holds steady.
            EventHandler<double[]> hold = new EventHandler<>() {
                @Override
                public void handle(double[] event) {
                    fired.add(new double[] {simulation.now(), event[1]});
                    double delay = random.nextInt(3) == 0 ? 0 : -Math.log(1 - random.nextDouble());
                    simulation.schedule(delay, this, new double[] {0, sequence[0]++});
                }
            };
            for (int i = 0; i < pending; i++) simulation.schedule(random.nextDouble(), hold, new double[] {0, sequence[0]++});
            simulation.runUntil(50);
            assertThat(fired.size()).isGreaterThan(pending * 10);
            for (int i = 1; i < fired.size(); i++) {
                assertThat(fired.get(i)[0]).isGreaterThanOrEqualTo(fired.get(i - 1)[0]);
                if (fired.get(i)[0] == fired.get(i - 1)[0]) assertThat(fired.get(i)[1]).isGreaterThan(fired.get(i - 1)[1]);
            }
        }
    }
}
