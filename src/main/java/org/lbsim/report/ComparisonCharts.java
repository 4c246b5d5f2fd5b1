package org.lbsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.RangeType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lbsim.metrics.TimeSeries;

/**
 * The over-time charts of two runs on the same requests, overlaid: p95 latency, utilization per
 * instance and failed requests per second, one colour per side (its algorithm's name in the
 * legend) from the charts' Okabe–Ito palette, and the second side dashed, so that colour is
 * never the only cue. Within a side, instances differ by line width. Filled interval by
 * interval on the thread that owns the charts, keeping a moving window of points.
 */
public final class ComparisonCharts {

    /** The sides' colours: blue and vermilion, the palette's first two, apart for every common colour-vision deficiency. */
    private static final Color[] SIDE_COLOURS = {Charts.PALETTE[0], Charts.PALETTE[1]};
    private static final float[] DASH = {10f, 6f};
    private static final float[] WIDTHS = {3.5f, 2f, 1.2f};

    private final int maximumItems;
    private final XYSeriesCollection latency = new XYSeriesCollection();
    private final XYSeriesCollection utilization = new XYSeriesCollection();
    private final XYSeriesCollection failed = new XYSeriesCollection();
    private final JFreeChart latencyChart;
    private final JFreeChart utilizationChart;
    private final JFreeChart failedChart;
    private final String[] names = {"first", "second"};

    /** @param maximumItems points kept per series, the oldest dropped first */
    public ComparisonCharts(int maximumItems) {
        this.maximumItems = maximumItems;
        for (int side = 0; side < 2; side++) {
            latency.addSeries(series(key(side, "p95")));
            failed.addSeries(series(key(side, "failed")));
        }
        latencyChart = Charts.latencyOverTime(latency);
        utilizationChart = Charts.utilizationOverTime(utilization);
        failedChart = Charts.latencyOverTime(failed);
        for (JFreeChart chart : charts()) {
            chart.getXYPlot().getRenderer().setLegendItemLabelGenerator((dataset, series) -> label(dataset.getSeriesKey(series)));
        }
        for (JFreeChart chart : List.of(latencyChart, failedChart)) {
            // Never below zero: a flat line of no errors would otherwise get an axis from -1 to 1.
            ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRangeType(RangeType.POSITIVE);
        }
        NumberAxis errorsAxis = (NumberAxis) failedChart.getXYPlot().getRangeAxis();
        errorsAxis.setAutoRangeMinimumSize(5);
        errorsAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style();
    }

    /** The three charts: latency, utilization, failed requests per second. */
    public List<JFreeChart> charts() {
        return List.of(latencyChart, utilizationChart, failedChart);
    }

    /** Names the sides in the legends: their algorithms. */
    public void name(String first, String second) {
        names[0] = first;
        names[1] = second;
        for (JFreeChart chart : charts()) chart.fireChartChanged();
    }

    /** The name a legend gives a side now. */
    public String name(int side) {
        return names[side];
    }

    /**
     * Adds one interval of side {@code side} (0 or 1): latency in ms (a gap when nothing
     * completed), utilization in %, failed requests (failed, rejected or timed out) per second.
     */
    public void add(int side, TimeSeries.Interval interval) {
        double time = interval.end();
        double p95 = interval.latency().p95();
        latency.getSeries(key(side, "p95")).add(time, Double.isFinite(p95) ? (Double) (1000 * p95) : null);
        failed.getSeries(key(side, "failed")).add(time,
                (interval.failed() + interval.rejected() + interval.timedOut()) / interval.seconds());
        for (TimeSeries.ServerSample server : interval.servers()) {
            String key = key(side, server.name());
            int index = utilization.getSeriesIndex(key);
            if (index < 0) {
                utilization.addSeries(series(key));
                style();
                index = utilization.getSeriesIndex(key);
            }
            utilization.getSeries(index).add(time, 100 * server.utilization());
        }
    }

    /** Forgets every point (the comparison starting over). */
    public void clear() {
        for (XYSeriesCollection collection : List.of(latency, failed)) {
            for (int i = 0; i < collection.getSeriesCount(); i++) collection.getSeries(i).clear();
        }
        utilization.removeAllSeries();
    }

    /** Points in the latency series of the first side: how many intervals are shown. */
    public int points() {
        return latency.getSeries(0).getItemCount();
    }

    /** The legend's labels of a chart, in series order (for tests and docs). */
    public List<String> legend(JFreeChart chart) {
        var dataset = chart.getXYPlot().getDataset();
        return java.util.stream.IntStream.range(0, dataset.getSeriesCount()).mapToObj(i -> label(dataset.getSeriesKey(i))).toList();
    }

    private XYSeries series(String key) {
        XYSeries series = new XYSeries(key, false, false);
        series.setMaximumItemCount(maximumItems);
        return series;
    }

    private static String key(int side, String what) {
        return side + "/" + what;
    }

    /** "round-robin", or "round-robin · web-1" for an instance. */
    private String label(Comparable<?> key) {
        String text = key.toString();
        int slash = text.indexOf('/');
        String name = names[Integer.parseInt(text.substring(0, slash))];
        String what = text.substring(slash + 1);
        return what.equals("p95") || what.equals("failed") ? name : name + " · " + what;
    }

    /** Each series' colour by its side, dashed on the second side, and per instance a width. */
    private void style() {
        for (JFreeChart chart : charts()) {
            var dataset = chart.getXYPlot().getDataset();
            XYItemRenderer renderer = chart.getXYPlot().getRenderer();
            int[] instanceOfSide = new int[2];
            for (int i = 0; i < dataset.getSeriesCount(); i++) {
                int side = dataset.getSeriesKey(i).toString().startsWith("0/") ? 0 : 1;
                float width = WIDTHS[Math.min(instanceOfSide[side]++, WIDTHS.length - 1)];
                renderer.setSeriesPaint(i, SIDE_COLOURS[side]);
                renderer.setSeriesStroke(i, stroke(side, chart == utilizationChart ? width : WIDTHS[0]));
            }
        }
    }

    private static Stroke stroke(int side, float width) {
        return side == 0
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f);
    }
}
