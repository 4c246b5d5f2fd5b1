package org.lbsim.ui;

import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.lbsim.metrics.TimeSeries;
import org.lbsim.report.ComparisonCharts;

/**
 * The comparison's three live charts — p95 latency, utilization per instance, failed requests
 * per second — each overlaying both sides, one colour per algorithm and the second side dashed,
 * the legend naming the algorithms. Titles and axes follow the language.
 */
final class CompareCharts extends HBox {

    private static final String[][] LABELS = {
        {"compare.chart.latency", "chart.latencyAxis"},
        {"chart.utilization", "chart.utilizationAxis"},
        {"compare.chart.errors", "compare.chart.errorsAxis"}};

    private final ComparisonCharts charts = new ComparisonCharts(LiveCharts.WINDOW);

    CompareCharts(Messages messages) {
        setSpacing(4);
        for (JFreeChart chart : charts.charts()) {
            LiveCharts.fitOnScreen(chart);
            ChartViewer viewer = new ChartViewer(chart);
            viewer.setPrefSize(420, 250);
            viewer.setMinSize(200, 150);
            HBox.setHgrow(viewer, Priority.ALWAYS);
            getChildren().add(viewer);
        }
        relabel(messages);
        messages.localeProperty().addListener((o, old, locale) -> relabel(messages));
    }

    private void relabel(Messages messages) {
        List<JFreeChart> all = charts.charts();
        for (int i = 0; i < all.size(); i++) {
            all.get(i).setTitle(messages.get(LABELS[i][0]));
            all.get(i).getXYPlot().getDomainAxis().setLabel(messages.get("chart.time"));
            all.get(i).getXYPlot().getRangeAxis().setLabel(messages.get(LABELS[i][1]));
        }
    }

    /** Names the sides in the legends when an algorithm changes. */
    void name(String left, String right) {
        if (!left.equals(charts.name(0)) || !right.equals(charts.name(1))) charts.name(left, right);
    }

    /** Adds one interval of each side, covering the same simulated time (on the JavaFX thread). */
    void add(TimeSeries.Interval left, TimeSeries.Interval right) {
        charts.add(0, left);
        charts.add(1, right);
    }

    void clear() {
        charts.clear();
    }

    int points() {
        return charts.points();
    }

    /** Every chart's legend, for tests. */
    List<List<String>> legends() {
        return charts.charts().stream().map(charts::legend).toList();
    }

    List<String> titles() {
        return charts.charts().stream().map(c -> c.getTitle().getText()).toList();
    }
}
