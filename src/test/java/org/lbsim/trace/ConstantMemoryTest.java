package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Reading a trace keeps nothing per line: the heap retained after reading 1 million lines and
 * after reading 10 million is the same, within a few megabytes.
 *
 * <p>Why 4 MB: a leak of even half a byte per line would retain 4.5 MB over the 9 million lines
 * between the readings, and a leak of a record or a string per line hundreds of megabytes (the
 * surefire JVM would run out of its 1 GB). The noise is small because each reading is taken after
 * a full collection, as the least of three, and nothing else runs in the test JVM meanwhile
 * ({@link Isolated}: test classes otherwise run side by side).
 */
@Isolated
class ConstantMemoryTest {

    private static final long TOLERANCE = 4L << 20;

    @Test
    void tenMillionLogLines_readAndSpread_retainNoMoreThanOneMillion() throws IOException {
        GeneratedLog log = new GeneratedLog(10_000_000);
        TraceReader reader = new TraceReader(log, "generated.log", TraceFormat.COMBINED, false);
        SpreadWithinSecond spread = new SpreadWithinSecond(reader, new SplittableRandom(1)::nextDouble, 5);
        TraceRecord record = new TraceRecord();
        long count = 0;
        double previous = Double.NEGATIVE_INFINITY;
        double serviceSum = 0;
        long retainedAtOneMillion = 0;
        while (spread.next(record)) {
            count++;
            if (record.time < previous) throw new AssertionError("time went backward at line " + record.line);
            previous = record.time;
            serviceSum += record.service;
            if (retainedAtOneMillion == 0 && reader.lines() >= 1_000_000) retainedAtOneMillion = retainedHeap();
        }
        long retainedAtTenMillion = retainedHeap();

        assertThat(reader.lines()).isEqualTo(10_000_000);
        assertThat(reader.skipped()).isEqualTo(100_000);
        assertThat(count).isEqualTo(9_900_000);
        // Request times cycle through 0.000 to 0.049 s: 1.225 s per 50 lines, 245,000 s in all; the skipped lines had 0.000.
        assertThat(serviceSum).isCloseTo(245_000, offset(1e-3));
        assertThat(spread.reordered()).isZero();
        assertThat(retainedAtOneMillion).isPositive();
        assertThat(retainedAtTenMillion - retainedAtOneMillion).as("heap retained after 10 M lines minus after 1 M, bytes")
                .isLessThan(TOLERANCE);
    }

    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /**
     * An access log written as it is read, without a file: about 100 requests a second (varying),
     * every line's source different, a request time on each, a line up to 3 seconds late now and
     * then, and a host name (malformed) every hundredth line, so that keeping anything per
     * skipped line would show too. It allocates nothing per line.
     */
    private static final class GeneratedLog extends Reader {

        private static final String TEMPLATE =
                "10.100.100.100 - - [17/May/2015:00:00:00 +0000] \"GET /index.html HTTP/1.1\" 200 5120 \"-\" \"curl/8.0\" 0.0xx\n";
        private static final String HOSTNAME = "www.example.com - - [17/May/2015:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n";
        private static final int HOUR = TEMPLATE.indexOf("00:00:00");
        private static final int DAY = TEMPLATE.indexOf("17/May");

        private final long lines;
        private final char[] line = TEMPLATE.toCharArray();
        private final char[] hostname = HOSTNAME.toCharArray();
        private char[] current = line;
        private int position = line.length;
        private long written;
        private long second;
        private int left;
        /** A linear congruential generator: cheap, allocation-free, enough to vary the lines. */
        private long state = 12345;

        GeneratedLog(long lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == current.length) {
                if (written == lines) return -1;
                nextLine();
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        private void nextLine() {
            written++;
            position = 0;
            if (written % 100 == 0) {
                current = hostname;
                return;
            }
            current = line;
            if (left == 0) {
                second++;
                left = 50 + random(100);
            }
            left--;
            long stamp = second - (random(50) == 0 ? random(4) : 0);
            if (stamp < 0) stamp = 0;
            writeDigits(DAY, 2, 17 + stamp / 86_400);
            writeDigits(HOUR, 2, stamp / 3_600 % 24);
            writeDigits(HOUR + 3, 2, stamp / 60 % 60);
            writeDigits(HOUR + 6, 2, stamp % 60);
            // Octets of three digits, 100 to 255, since a leading zero is refused.
            writeDigits(3, 3, 100 + written / (156 * 156) % 156);
            writeDigits(7, 3, 100 + written / 156 % 156);
            writeDigits(11, 3, 100 + written % 156);
            // Request times 0.000 to 0.049, mean 0.0245, one per line in turn.
            writeDigits(line.length - 4, 3, written % 50);
        }

        private int random(int bound) {
            state = state * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            return (int) ((state >>> 33) % bound);
        }

        private void writeDigits(int at, int width, long value) {
            for (int i = at + width - 1; i >= at; i--) {
                line[i] = (char) ('0' + value % 10);
                value /= 10;
            }
        }

        @Override
        public void close() {
        }
    }
}
