package org.lbsim.ui;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.report.LiveChartFactory;
import org.lbsim.scenario.Scenario;
import org.lbsim.scenario.ServerSpec;

/**
 * The three live charts: latency percentiles, utilization per instance, throughput and errors
 * per second, each over simulated time and keeping a bounded window of points.
 */
final class LiveCharts extends HBox {

    /** Points kept per series: the charts show a moving window. */
    static final int WINDOW = 300;

    private final XYSeries p50 = series("p50");
    private final XYSeries p95 = series("p95");
    private final XYSeries p99 = series("p99");
    private final List<XYSeries> utilization = new ArrayList<>();
    private final XYSeries completed;
    private final XYSeries errors;
    private final XYSeries denied;
    private final List<JFreeChart> charts = new ArrayList<>();

    LiveCharts(Scenario scenario, Messages messages) {
        setSpacing(4);
        completed = series(messages.get("series.completed"));
        errors = series(messages.get("series.errors"));
        denied = series(messages.get("series.denied"));
        XYSeriesCollection latency = new XYSeriesCollection();
        latency.addSeries(p50);
        latency.addSeries(p95);
        latency.addSeries(p99);
        XYSeriesCollection busy = new XYSeriesCollection();
        for (ServerSpec server : scenario.servers()) {
            XYSeries s = series(server.name());
            utilization.add(s);
            busy.addSeries(s);
        }
        XYSeriesCollection rates = new XYSeriesCollection();
        rates.addSeries(completed);
        rates.addSeries(errors);
        rates.addSeries(denied);
        add(LiveChartFactory.latencyOverTime(messages.get("chart.latency"), messages.get("chart.time"),
                messages.get("chart.latencyAxis"), latency));
        add(LiveChartFactory.utilizationOverTime(messages.get("chart.utilization"), messages.get("chart.time"),
                messages.get("chart.utilizationAxis"), busy));
        add(LiveChartFactory.ratesOverTime(messages.get("chart.throughput"), messages.get("chart.time"),
                messages.get("chart.rateAxis"), rates));
        messages.localeProperty().addListener((o, old, locale) -> relabel(messages));
    }

    /** Titles, axes and legends follow the language. */
    private void relabel(Messages messages) {
        String[][] labels = {
            {"chart.latency", "chart.latencyAxis"}, {"chart.utilization", "chart.utilizationAxis"},
            {"chart.throughput", "chart.rateAxis"}};
        for (int i = 0; i < charts.size(); i++) {
            JFreeChart chart = charts.get(i);
            chart.setTitle(messages.get(labels[i][0]));
            chart.getXYPlot().getDomainAxis().setLabel(messages.get("chart.time"));
            chart.getXYPlot().getRangeAxis().setLabel(messages.get(labels[i][1]));
        }
        completed.setKey(messages.get("series.completed"));
        errors.setKey(messages.get("series.errors"));
        denied.setKey(messages.get("series.denied"));
    }

    /** The chart titles, for tests and exports. */
    List<String> titles() {
        return charts.stream().map(c -> c.getTitle().getText()).toList();
    }

    private void add(JFreeChart chart) {
        charts.add(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(420, 260);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        getChildren().add(viewer);
    }

    private static XYSeries series(String name) {
        XYSeries series = new XYSeries(name, true, true);
        series.setMaximumItemCount(WINDOW);
        return series;
    }

    /** Adds one point per series for the interval that ends at {@code snapshot}. */
    void add(ClusterSnapshot snapshot, Interval interval) {
        double t = snapshot.time();
        var latency = snapshot.recentLatency();
        if (Double.isFinite(latency.p50())) {
            p50.add(t, latency.p50() * 1000, false);
            p95.add(t, latency.p95() * 1000, false);
            p99.add(t, latency.p99() * 1000, true);
        }
        for (int i = 0; i < utilization.size() && i < interval.utilization().length; i++) {
            utilization.get(i).add(t, interval.utilization()[i] * 100, true);
        }
        completed.add(t, interval.completed(), false);
        errors.add(t, interval.errors(), false);
        denied.add(t, interval.denied(), true);
    }

    void clear() {
        for (XYSeries s : List.of(p50, p95, p99, completed, errors, denied)) s.clear();
        utilization.forEach(XYSeries::clear);
    }

    int points() {
        return completed.getItemCount();
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
