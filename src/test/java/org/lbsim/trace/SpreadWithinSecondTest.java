package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class SpreadWithinSecondTest {

    /** A CSV trace: for each second from {@code first}, a random number of records, 0 to {@code most}. */
    private static String trace(long first, int seconds, int most, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder("time,bytes\n");
        for (int s = 0; s < seconds; s++) {
            int k = random.nextInt(most + 1);
            for (int i = 0; i < k; i++) text.append(first + s).append(',').append(i).append('\n');
        }
        return text.toString();
    }

    private static List<TraceRecord> spread(String csv, DoubleSupplier uniform01, int window) throws IOException {
        SpreadWithinSecond spread = new SpreadWithinSecond(Traces.reader(csv, TraceFormat.CSV, true), uniform01, window);
        return drain(spread);
    }

    private static List<TraceRecord> drain(SpreadWithinSecond spread) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        TraceRecord record = new TraceRecord();
        while (spread.next(record)) {
            TraceRecord copy = new TraceRecord();
            copy.copyFrom(record);
            records.add(copy);
        }
        return records;
    }

    @Test
    void everyRecordOfSecondS_getsATimeInSToSPlusOne_inLogOrder() throws IOException {
        String csv = trace(1_431_857_100L, 2_000, 12, 1);
        List<TraceRecord> original = Traces.read(csv, TraceFormat.CSV);
        List<TraceRecord> spread = spread(csv, new SplittableRandom(2)::nextDouble, 0);

        assertThat(spread).hasSameSizeAs(original);
        for (int i = 0; i < spread.size(); i++) {
            TraceRecord before = original.get(i);
            TraceRecord after = spread.get(i);
            assertThat(after.line).isEqualTo(before.line);
            assertThat(after.bytes).isEqualTo(before.bytes);
            assertThat(after.time).isGreaterThanOrEqualTo(before.time).isLessThan(before.time + 1);
        }
    }

    @Test
    void times_neverGoBackward_evenWhenTheLogIsOutOfOrder() throws IOException {
        // Seconds in a shuffled order within each minute, as in the shipped sample, and rare very late lines.
        SplittableRandom random = new SplittableRandom(5);
        StringBuilder text = new StringBuilder("time\n");
        for (int i = 0; i < 50_000; i++) {
            long second = 1_000_000 + i / 10 + random.nextInt(60) - (random.nextInt(1_000) == 0 ? 3_600 : 0);
            text.append(second).append('\n');
        }
        for (int window : new int[] {0, 1, 30, 120}) {
            List<TraceRecord> records = spread(text.toString(), new SplittableRandom(6)::nextDouble, window);
            assertThat(records).hasSize(50_000);
            for (int i = 1; i < records.size(); i++) {
                assertThat(records.get(i).time).as("window %d, record %d", window, i).isGreaterThanOrEqualTo(records.get(i - 1).time);
            }
        }
    }

    @Test
    void sameSeed_sameTimes_otherSeed_otherTimes() throws IOException {
        String csv = trace(1_000, 500, 8, 3);
        List<Double> first = spread(csv, new SplittableRandom(42)::nextDouble, 0).stream().map(r -> r.time).toList();
        List<Double> again = spread(csv, new SplittableRandom(42)::nextDouble, 0).stream().map(r -> r.time).toList();
        List<Double> other = spread(csv, new SplittableRandom(43)::nextDouble, 0).stream().map(r -> r.time).toList();
        assertThat(again).isEqualTo(first);
        assertThat(other).hasSameSizeAs(first).isNotEqualTo(first);
    }

    @Test
    void aLineEarlierThanTheSecondInProgress_joinsIt_andIsCounted() throws IOException {
        String csv = "time,bytes\n10,1\n12,2\n11,3\n12,4\n13,5\n";
        SpreadWithinSecond spread = new SpreadWithinSecond(Traces.reader(csv, TraceFormat.CSV, true), new SplittableRandom(1)::nextDouble);
        List<TraceRecord> records = drain(spread);
        assertThat(records).extracting(r -> r.bytes).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records).extracting(r -> (long) Math.floor(r.time)).containsExactly(10L, 12L, 12L, 12L, 13L);
        assertThat(spread.reordered()).isEqualTo(1);
        assertThat(spread.largestSecond()).isEqualTo(3);
    }

    @Test
    void aReorderWindow_putsALateLineInItsOwnSecond() throws IOException {
        String csv = "time,bytes\n10,1\n12,2\n11,3\n12,4\n13,5\n5,6\n14,7\n";
        SpreadWithinSecond spread = new SpreadWithinSecond(Traces.reader(csv, TraceFormat.CSV, true), new SplittableRandom(1)::nextDouble, 5);
        List<TraceRecord> records = drain(spread);
        // 11 is one second late, within the window, and takes its own second before 12. 5 is 8 seconds
        // late (13 was read): it joins the earliest second not yet replayed, 10, after that second's own line.
        assertThat(records).extracting(r -> r.bytes).containsExactly(1L, 6L, 3L, 2L, 4L, 5L, 7L);
        assertThat(records).extracting(r -> (long) Math.floor(r.time)).containsExactly(10L, 10L, 11L, 12L, 12L, 13L, 14L);
        assertThat(spread.reordered()).isEqualTo(1);
    }

    /**
     * All offsets together are k independent uniforms per second (sorting does not change their
     * mean), so over N = 100,000 records their mean has standard deviation sqrt(1/12/N) = 0.00091;
     * 0.005 is 5.5 of those. With four records in a second, the i-th is the i-th order statistic
     * of four uniforms, Beta(i, 5 - i), mean i/5, standard deviation at most 0.2, so over 5,000
     * such seconds the mean's is at most 0.0028, and 0.014 is 5 of those. The seeds are fixed, so the
     * test is deterministic; the tolerances say it would pass for almost any seed.
     */
    @Test
    void offsets_areUniformOrderStatistics() throws IOException {
        StringBuilder text = new StringBuilder("time\n");
        for (int s = 0; s < 25_000; s++) text.append(s).append('\n');                 // 25,000 records alone in their second
        for (int s = 25_000; s < 30_000; s++) text.append((s + "\n").repeat(4));   // 20,000 in seconds of four
        for (int s = 30_000; s < 31_000; s++) text.append((s + "\n").repeat(55));  // 55,000 in seconds of 55
        List<TraceRecord> records = spread(text.toString(), new SplittableRandom(9)::nextDouble, 0);
        assertThat(records).hasSize(100_000);

        double sum = 0;
        double[] byPosition = new double[4];
        for (int i = 0; i < records.size(); i++) {
            double offset = records.get(i).time - Math.floor(records.get(i).time);
            sum += offset;
            if (i >= 25_000 && i < 45_000) byPosition[(i - 25_000) % 4] += offset;
        }
        assertThat(sum / records.size()).isCloseTo(0.5, offset(0.005));
        for (int position = 0; position < 4; position++) {
            assertThat(byPosition[position] / 5_000).as("record %d of 4", position + 1)
                    .isCloseTo((position + 1) / 5.0, offset(0.014));
        }
    }

    @Test
    void atEpochMagnitudes_anOffsetNearOne_staysInItsSecond() throws IOException {
        double nearlyOne = Math.nextDown(1.0);
        List<TraceRecord> records = spread("time\n1431857103\n1431857103\n", () -> nearlyOne, 0);
        assertThat(records).allSatisfy(r -> assertThat(r.time).isLessThan(1_431_857_104.0).isGreaterThanOrEqualTo(1_431_857_103.0));
    }

    @Test
    void aUniformOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> spread("time\n1\n", () -> 1.0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside [0, 1)");
    }

    @Test
    void aTraceFarOutOfOrder_stopsWithAMessage_ratherThanFillingMemory() {
        // Two logs concatenated oldest last: every line of the second one is late and joins second 1000.
        StringBuilder text = new StringBuilder("time\n1000\n");
        for (int i = 0; i < 500; i++) text.append(i).append('\n');
        SpreadWithinSecond spread = new SpreadWithinSecond(Traces.reader(text.toString(), TraceFormat.CSV, true),
                new SplittableRandom(1)::nextDouble, 0, 100);
        assertThatThrownBy(() -> drain(spread)).isInstanceOf(TraceFormatException.class)
                .hasMessage("test.log:102:1: found more than 100 records to replay within one second and the reorder window,"
                        + " expected a trace in time order (this line is 901 s earlier than the latest time read)");
    }
}
