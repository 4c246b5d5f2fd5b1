package org.lbsim.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.lbsim.metrics.TimeSeries;
import org.lbsim.report.TimeSeriesCsv;

/**
 * The intervals behind the live charts, kept for export in the same CSV format as
 * {@code lbsim run --timeseries}: the most recent {@value #CAPACITY} of them, so that memory
 * stays bounded in a long lesson.
 */
final class TimeSeriesLog {

    static final int CAPACITY = 100_000;

    private final ArrayDeque<TimeSeries.Interval> intervals = new ArrayDeque<>();

    void add(TimeSeries.Interval interval) {
        if (intervals.size() == CAPACITY) intervals.removeFirst();
        intervals.addLast(interval);
    }

    void clear() {
        intervals.clear();
    }

    int size() {
        return intervals.size();
    }

    void write(Path file, List<String> servers) throws IOException {
        List<TimeSeries.Interval> all = List.copyOf(intervals);
        double meanInterval = all.isEmpty() ? 1 : (all.get(all.size() - 1).end() - all.get(0).start()) / all.size();
        Files.writeString(file, TimeSeriesCsv.render(new TimeSeries(meanInterval, servers, all)));
    }
}
