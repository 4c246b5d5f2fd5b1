package org.lbsim.experiment;

import java.util.List;
import org.lbsim.metrics.TimeSeries;

/**
 * The mean latency of each sample interval of one run and when each interval starts (NaN where
 * nothing completed): what the warm-up check reads of a replication's time series.
 */
public record LatencySeries(double[] starts, double[] means) {

    public LatencySeries {
        if (starts.length != means.length) {
            throw new IllegalArgumentException("one mean per interval: " + starts.length + " starts, " + means.length + " means");
        }
        starts = starts.clone();
        means = means.clone();
    }

    public static LatencySeries of(TimeSeries series) {
        List<TimeSeries.Interval> intervals = series.intervals();
        double[] starts = new double[intervals.size()];
        double[] means = new double[intervals.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = intervals.get(i).start();
            means[i] = intervals.get(i).latency().mean();
        }
        return new LatencySeries(starts, means);
    }

    @Override
    public double[] starts() {
        return starts.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }
}
