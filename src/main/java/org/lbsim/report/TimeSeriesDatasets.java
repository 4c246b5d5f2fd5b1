package org.lbsim.report;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lbsim.metrics.TimeSeries;

/**
 * The datasets of the over-time charts, filled interval by interval: all at once for a file,
 * or as a run goes for a live chart (the caller adds each interval on the thread that owns the
 * chart, e.g. the JavaFX application thread). Points are at each interval's end.
 */
public final class TimeSeriesDatasets {

    private final XYSeriesCollection latency = new XYSeriesCollection();
    private final XYSeriesCollection utilization = new XYSeriesCollection();
    private final XYSeriesCollection throughput = new XYSeriesCollection();
    private final XYSeries p50 = new XYSeries("p50", false, false);
    private final XYSeries p95 = new XYSeries("p95", false, false);
    private final XYSeries p99 = new XYSeries("p99", false, false);
    private final XYSeries completions = new XYSeries("completions/s", false, false);
    private final XYSeries errors = new XYSeries("errors/s", false, false);
    /** What the clients sent: with bursts or a schedule, the load itself, against what was served. */
    private final XYSeries arrivals = new XYSeries("arrivals/s", false, false);
    private final int maximumItems;

    /** @param maximumItems points kept per series, the oldest dropped first (a live chart's window) */
    public TimeSeriesDatasets(int maximumItems) {
        this.maximumItems = maximumItems;
        for (XYSeries series : new XYSeries[] {p50, p95, p99, completions, errors, arrivals}) series.setMaximumItemCount(maximumItems);
        latency.addSeries(p50);
        latency.addSeries(p95);
        latency.addSeries(p99);
        // Arrivals first, so the line is drawn behind: it shows only where the load outruns service.
        throughput.addSeries(arrivals);
        throughput.addSeries(completions);
        throughput.addSeries(errors);
    }

    /** A whole run's series, every interval kept. */
    public static TimeSeriesDatasets of(TimeSeries series) {
        TimeSeriesDatasets datasets = new TimeSeriesDatasets(Integer.MAX_VALUE);
        series.intervals().forEach(datasets::add);
        return datasets;
    }

    /** Adds one interval: latency in ms (a gap when nothing completed), utilization in %, rates per second. */
    public void add(TimeSeries.Interval interval) {
        double time = interval.end();
        p50.add(time, millis(interval.latency().p50()));
        p95.add(time, millis(interval.latency().p95()));
        p99.add(time, millis(interval.latency().p99()));
        double seconds = interval.seconds();
        completions.add(time, interval.completed() / seconds);
        errors.add(time, interval.errors() / seconds);
        arrivals.add(time, interval.arrivals() / seconds);
        for (TimeSeries.ServerSample server : interval.servers()) {
            int index = utilization.getSeriesIndex(server.name());
            XYSeries series;
            if (index < 0) {
                series = new XYSeries(server.name(), false, false);
                series.setMaximumItemCount(maximumItems);
                utilization.addSeries(series);
            } else {
                series = utilization.getSeries(index);
            }
            series.add(time, 100 * server.utilization());
        }
    }

    /** Forgets every point (a live chart starting over). */
    public void clear() {
        for (XYSeries series : new XYSeries[] {p50, p95, p99, completions, errors, arrivals}) series.clear();
        utilization.removeAllSeries();
    }

    /** Points in the throughput series: how many intervals are shown. */
    public int points() {
        return completions.getItemCount();
    }

    /** p50, p95 and p99 latency (ms). */
    public XYSeriesCollection latency() {
        return latency;
    }

    /** One series per instance, named after it (%). */
    public XYSeriesCollection utilization() {
        return utilization;
    }

    /** Completions, errors and arrivals per second. */
    public XYSeriesCollection throughput() {
        return throughput;
    }

    /** Missing values become null, which JFreeChart draws as a gap in the line. */
    private static Double millis(double seconds) {
        return Double.isFinite(seconds) ? 1000 * seconds : null;
    }
}
