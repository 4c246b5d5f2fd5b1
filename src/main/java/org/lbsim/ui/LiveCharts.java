package org.lbsim.ui;

import java.awt.Font;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.lbsim.metrics.Moment;
import org.lbsim.metrics.TimeSeries;
import org.lbsim.report.Charts;
import org.lbsim.report.TimeSeriesDatasets;

/**
 * The three live charts — latency percentiles, utilization per instance, throughput and errors
 * per second, over simulated time — drawn by the same chart factory as the exported files, on
 * datasets that keep a moving window of points. Titles and axes follow the language.
 */
final class LiveCharts extends HBox {

    /** Points kept per series: the charts show a moving window. */
    static final int WINDOW = 300;

    private static final String[][] LABELS = {
        {"chart.latency", "chart.latencyAxis"},
        {"chart.utilization", "chart.utilizationAxis"},
        {"chart.throughput", "chart.rateAxis"}};

    private final TimeSeriesDatasets datasets = new TimeSeriesDatasets(WINDOW);
    private final List<JFreeChart> charts = new ArrayList<>();
    private final ChartMarkers markers;

    LiveCharts(Messages messages) {
        setSpacing(4);
        markers = new ChartMarkers(messages);
        add(Charts.latencyOverTime(datasets.latency()));
        add(Charts.utilizationOverTime(datasets.utilization()));
        add(Charts.throughputOverTime(datasets.throughput()));
        PresenterCharts.follow(this, charts); // presenter mode: type CSS does not reach, and less height
        relabel(messages);
        messages.localeProperty().addListener((o, old, locale) -> relabel(messages));
    }

    private void add(JFreeChart chart) {
        fitOnScreen(chart);
        charts.add(chart);
        markers.attach(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(420, 260);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        getChildren().add(viewer);
    }

    /**
     * The factory sizes type for 1600×900 files; a chart a third of the window wide needs it
     * smaller to leave room for the plot, still large enough for the back of a classroom.
     */
    static void fitOnScreen(JFreeChart chart) {
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        if (chart.getLegend() != null) chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (var axis : new org.jfree.chart.axis.Axis[] {chart.getXYPlot().getDomainAxis(), chart.getXYPlot().getRangeAxis()}) {
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
    }

    private void relabel(Messages messages) {
        for (int i = 0; i < charts.size(); i++) {
            JFreeChart chart = charts.get(i);
            chart.setTitle(messages.get(LABELS[i][0]));
            chart.getXYPlot().getDomainAxis().setLabel(messages.get("chart.time"));
            chart.getXYPlot().getRangeAxis().setLabel(messages.get(LABELS[i][1]));
        }
        // The legend names the throughput series in the window's language; the datasets keep
        // their keys. In the datasets' order: arrivals, completions, errors.
        String[] names = {messages.get("series.arrivals"), messages.get("series.completed"), messages.get("series.errors")};
        charts.get(2).getXYPlot().getRenderer().setLegendItemLabelGenerator((dataset, series) -> names[series]);
    }

    /** Adds one interval's point to every series (on the JavaFX thread, which owns the charts). */
    void add(TimeSeries.Interval interval) {
        datasets.add(interval);
    }

    /** Marks the run's moments so far (a snapshot's) on every chart. */
    void mark(List<Moment> moments) {
        markers.show(moments);
    }

    void clear() {
        datasets.clear();
        markers.clear();
    }

    /** The moments' labels on each chart (for tests). */
    List<List<String>> markerLabels() {
        return markers.labels();
    }

    int points() {
        return datasets.points();
    }

    /** The chart titles, for tests. */
    List<String> titles() {
        return charts.stream().map(c -> c.getTitle().getText()).toList();
    }

    /** Saves each chart as {@code base-latency.png}, {@code base-utilization.png}, {@code base-throughput.png}. */
    List<File> exportPng(File base) throws IOException {
        String stem = base.getPath().replaceFirst("\\.png$", "");
        String[] names = {"latency", "utilization", "throughput"};
        List<File> files = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            File file = new File(stem + "-" + names[i] + ".png");
            ChartUtils.saveChartAsPNG(file, charts.get(i), 1280, 720);
            files.add(file);
        }
        return files;
    }
}
