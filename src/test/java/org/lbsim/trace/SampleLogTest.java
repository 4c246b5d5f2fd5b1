package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The shipped sample, scenarios/data/apache_access_sample.log, read in full. The expected
 * numbers were found independently of this code: {@code wc -l}, a grep of the combined format's
 * regular expression, and awk sums over the fields.
 */
class SampleLogTest {

    private static final Path SAMPLE = Path.of("scenarios/data/apache_access_sample.log");
    /** 2015-05-17 is 16572 days after 1970-01-01: 45 years of 365 days, 11 leap days (1972-2012), then 31+28+31+30+16. */
    private static final long MAY_17_2015 = 16_572L * 86_400;

    @Test
    void combined_readsEveryLineButTheTruncatedOne() throws IOException {
        try (TraceReader reader = TraceReader.open(SAMPLE, TraceFormat.COMBINED, false)) {
            List<TraceRecord> records = Traces.readAll(reader);

            assertThat(records).hasSize(9_999);
            assertThat(reader.lines()).isEqualTo(10_000);
            assertThat(reader.records()).isEqualTo(9_999);
            assertThat(reader.skipped()).isEqualTo(1);
            // Line 8899's user agent is cut off: 182 characters and no closing quote.
            assertThat(reader.firstSkipped()).containsExactly(
                    new SkippedLine(8_899, 183, "found the end of the line, expected '\"' closing the user agent"));

            TraceRecord first = records.get(0);
            // 83.149.9.216 - - [17/May/2015:10:05:03 +0000] ... 200 203023: 10:05:03 is 36303 s into the day.
            assertThat(first.time).isEqualTo(MAY_17_2015 + 36_303);
            assertThat(first.time).isEqualTo(1_431_857_103.0);
            assertThat(first.hasSource).isTrue();
            assertThat(first.ipv6).isFalse();
            assertThat(first.ipv4).isEqualTo(Traces.ipv4(83, 149, 9, 216));
            assertThat(first.source()).isEqualTo("83.149.9.216");
            assertThat(first.bytes).isEqualTo(203_023);
            assertThat(first.service).isNaN();
            assertThat(first.port).isEqualTo(-1);
            assertThat(first.line).isEqualTo(1);

            TraceRecord last = records.get(records.size() - 1);
            // 46.105.14.53 - - [20/May/2015:21:05:15 +0000] ... 200 14872: 3 days later, 21*3600 + 5*60 + 15 = 75915 s into the day.
            assertThat(last.time).isEqualTo(MAY_17_2015 + 3 * 86_400 + 75_915);
            assertThat(last.source()).isEqualTo("46.105.14.53");
            assertThat(last.bytes).isEqualTo(14_872);
            assertThat(last.line).isEqualTo(10_000);

            assertThat(records).filteredOn(r -> r.bytes == -1).hasSize(669);
            assertThat(records.stream().mapToLong(r -> Math.max(r.bytes, 0)).sum()).isEqualTo(2_747_282_505L);
            assertThat(records).filteredOn(r -> r.ipv4 == Traces.ipv4(83, 149, 9, 216)).hasSize(23);
            assertThat(records.stream().mapToDouble(r -> r.time).min().orElseThrow()).isEqualTo(MAY_17_2015 + 36_300);
            assertThat(records.stream().mapToDouble(r -> r.time).max().orElseThrow()).isEqualTo(MAY_17_2015 + 3 * 86_400 + 75_959);
        }
    }

    @Test
    void common_readsAllTenThousandLines_ignoringWhatFollowsTheBytes() throws IOException {
        try (TraceReader reader = TraceReader.open(SAMPLE, TraceFormat.COMMON, true)) {
            List<TraceRecord> records = Traces.readAll(reader);
            assertThat(records).hasSize(10_000);
            assertThat(reader.skipped()).isZero();
            assertThat(records.get(8_898).bytes).isEqualTo(235);
            assertThat(records.stream().mapToLong(r -> Math.max(r.bytes, 0)).sum()).isEqualTo(2_747_282_740L);
        }
    }

    /**
     * Every line of the sample is stamped in minute :05 of its hour, with the seconds in no order
     * (the published file seems to have been made that way). Without a window nearly every line is
     * late and the minute's requests pile into its last seconds; a 60-second window restores them.
     */
    @Test
    void spreading_theSample_withAndWithoutAReorderWindow() throws IOException {
        try (TraceReader reader = TraceReader.open(SAMPLE, TraceFormat.COMBINED, false)) {
            SpreadWithinSecond spread = new SpreadWithinSecond(reader, new SplittableRandom(1)::nextDouble);
            List<TraceRecord> records = readAll(spread);
            assertThat(records).hasSize(9_999);
            assertThat(spread.reordered()).isEqualTo(9_447);
            assertThat(spread.largestSecond()).isEqualTo(128);
            assertThat(records).filteredOn(r -> (long) Math.floor(r.time) % 60 == 59).hasSize(6_123);
        }
        try (TraceReader reader = TraceReader.open(SAMPLE, TraceFormat.COMBINED, false)) {
            SpreadWithinSecond spread = new SpreadWithinSecond(reader, new SplittableRandom(1)::nextDouble, 60);
            List<TraceRecord> records = readAll(spread);
            assertThat(records).hasSize(9_999);
            assertThat(spread.reordered()).isZero();
            // The busiest seconds of the sample, 1431903930 and 1431993925, have 9 requests each.
            assertThat(spread.largestSecond()).isEqualTo(9);
            assertThat(records).filteredOn(r -> (long) Math.floor(r.time) % 60 == 59).hasSize(166);
        }
    }

    private static List<TraceRecord> readAll(SpreadWithinSecond spread) throws IOException {
        List<TraceRecord> records = new ArrayList<>();
        TraceRecord record = new TraceRecord();
        double previous = Double.NEGATIVE_INFINITY;
        while (spread.next(record)) {
            assertThat(record.time).isGreaterThanOrEqualTo(previous);
            previous = record.time;
            TraceRecord copy = new TraceRecord();
            copy.copyFrom(record);
            records.add(copy);
        }
        return records;
    }
}
