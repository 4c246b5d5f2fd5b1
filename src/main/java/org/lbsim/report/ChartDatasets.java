package org.lbsim.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.LatencyDistribution;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.metrics.RunResult;

/** Experiment results turned into the datasets the {@link Charts} take, in display units. */
public final class ChartDatasets {

    private static final List<String> PERCENTILES = List.of("latency.p50", "latency.p95", "latency.p99");

    private ChartDatasets() {
    }

    /**
     * One curve per algorithm (and per value of any set path other than the swept one) of a
     * metric's mean and confidence interval against the swept value.
     *
     * @param swept the set path on the x axis
     * @param x     the number a set value stands for (300/s → 300)
     */
    public static YIntervalSeriesCollection loadCurves(List<Replicated> results, Metric metric, String swept,
                                                       ToDoubleFunction<String> x) {
        YIntervalSeriesCollection curves = new YIntervalSeriesCollection();
        List<String> others = varyingPaths(results).stream().filter(path -> !path.equals(swept)).toList();
        for (Replicated result : results) {
            String key = curveName(result, others);
            int index = curves.indexOf(key);
            YIntervalSeries series;
            if (index < 0) {
                series = new YIntervalSeries(key, true, false);
                curves.addSeries(series);
            } else {
                series = curves.getSeries(index);
            }
            Estimate estimate = result.estimate(metric);
            double scale = metric.displayScale();
            double halfWidth = Double.isFinite(estimate.halfWidth95()) ? estimate.halfWidth95() : 0;
            if (Double.isFinite(estimate.mean())) {
                series.add(x.applyAsDouble(result.set().get(swept)), scale * estimate.mean(),
                        scale * (estimate.mean() - halfWidth), scale * (estimate.mean() + halfWidth));
            }
        }
        return curves;
    }

    /** p50, p95 and p99 bars per configuration, the confidence half-width as the error bar. */
    public static DefaultStatisticalCategoryDataset percentileBars(List<Replicated> results) {
        DefaultStatisticalCategoryDataset bars = new DefaultStatisticalCategoryDataset();
        for (Replicated result : results) {
            for (String name : PERCENTILES) {
                Metric metric = Metric.find(name).orElseThrow();
                Estimate estimate = result.estimate(metric);
                // The renderer draws mean ± "standard deviation": given the half-width, it draws the interval.
                bars.add(metric.displayScale() * estimate.mean(),
                        Double.isFinite(estimate.halfWidth95()) ? metric.displayScale() * estimate.halfWidth95() : 0,
                        name.substring("latency.".length()), configurationName(result));
            }
        }
        return bars;
    }

    /** The CDF of each configuration: the quantile average over its replications. */
    public static XYSeriesCollection cdf(List<Replicated> results) {
        XYSeriesCollection curves = new XYSeriesCollection();
        for (Replicated result : results) {
            LatencyDistribution typical = LatencyDistribution.average(
                    result.runs().stream().map(run -> run.latency().distribution()).toList());
            curves.addSeries(cdf(configurationName(result), typical));
        }
        return curves;
    }

    /** The CDF of one run. */
    public static XYSeriesCollection cdf(RunResult run) {
        return new XYSeriesCollection(cdf(run.algorithm(), run.latency().distribution()));
    }

    private static XYSeries cdf(String name, LatencyDistribution distribution) {
        XYSeries series = new XYSeries(name, false, true);
        if (distribution.isEmpty()) return series;
        // Start the curve at 0%, at the lowest quantile, so the step up from nothing shows.
        series.add(1000 * distribution.points().get(0).seconds(), 0);
        for (LatencyDistribution.Point point : distribution.points()) series.add(1000 * point.seconds(), 100 * point.probability());
        return series;
    }

    /** The algorithm, and the set values when there are some: what tells configurations apart. */
    static String configurationName(Replicated result) {
        if (result.set().isEmpty()) return result.algorithm();
        return result.algorithm() + " " + values(result.set());
    }

    /** A curve per algorithm and per combination of the other varying paths' values. */
    private static String curveName(Replicated result, List<String> others) {
        Map<String, String> values = new LinkedHashMap<>();
        others.forEach(path -> values.put(path, result.set().get(path)));
        return values.isEmpty() ? result.algorithm() : result.algorithm() + " " + values(values);
    }

    /** The set paths whose value differs between results; the others say nothing about a curve. */
    private static List<String> varyingPaths(List<Replicated> results) {
        return results.get(0).set().keySet().stream()
                .filter(path -> results.stream().map(result -> result.set().get(path)).distinct().count() > 1).toList();
    }

    private static String values(Map<String, String> set) {
        return set.entrySet().stream().map(entry -> lastSegment(entry.getKey()) + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
