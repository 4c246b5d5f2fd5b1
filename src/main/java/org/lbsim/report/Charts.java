package org.lbsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.DrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.lbsim.metrics.Moment;

/**
 * The one chart factory: builds every lbsim chart as a {@link JFreeChart} from a dataset, for
 * files ({@link ChartFiles}) and for the UI, which wraps the same charts in a JavaFX viewer and
 * updates the datasets it passed in ({@link TimeSeriesDatasets}). All charts share a look made
 * for a classroom projector: large type, axes labelled with units, and the Okabe–Ito palette,
 * which people with the common colour-vision deficiencies can tell apart; series also differ
 * in marker shape so that a grey-scale print still works.
 */
public final class Charts {

    /** Okabe–Ito colours, ordered for contrast on white (their yellow comes last: it is faint). */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)};

    private static final String FONT = Font.SANS_SERIF;
    private static final Color GRID = new Color(0xC8C8C8);
    private static final Color ARRIVALS = new Color(0xA0A0A0);
    private static final Stroke ERRORS_STROKE = new BasicStroke(3.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {12f, 7f}, 0f);
    private static final StandardChartTheme THEME = theme();

    private Charts() {
    }

    /**
     * Latency against load, one curve per algorithm with a shaded 95% confidence band.
     *
     * @param curves x = the swept value, y with its interval in the y axis' unit
     */
    public static JFreeChart latencyVersusLoad(YIntervalSeriesCollection curves, String xLabel, String yLabel) {
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        // Bands and lines are looked up in different orders: fix both so each band has its line's colour.
        for (int i = 0; i < curves.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesFillPaint(i, PALETTE[i % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(curves, numberAxis(xLabel), numberAxis(yLabel), renderer);
        String quantity = yLabel.replaceFirst(" \\(.*", "");
        // "versus load" only when the swept quantity is a rate; otherwise name what was swept.
        String swept = xLabel.contains("rate") ? "load" : xLabel.replaceFirst(" \\(.*", "");
        return chart(Character.toUpperCase(quantity.charAt(0)) + quantity.substring(1)
                + " versus " + swept + ", with 95% confidence bands", plot);
    }

    /** Latency percentiles per configuration as bars, with 95% confidence intervals as error bars. */
    public static JFreeChart latencyBars(StatisticalCategoryDataset bars) {
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(2.5f));
        renderer.setItemMargin(0.05);
        renderer.setDrawBarOutline(false);
        CategoryAxis categories = new CategoryAxis(null);
        if (!namesFitSideBySide(bars)) categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        categories.setMaximumCategoryLabelLines(2);
        CategoryPlot plot = new CategoryPlot(bars, categories, numberAxis("latency (ms)"), renderer);
        return chart("Latency percentiles, with 95% confidence intervals", plot);
    }

    /**
     * Whether the configurations' names fit side by side under their bars. At the chart's width
     * and font, the names of the categories take about 100 characters in all when each is as
     * wide as the longest (five algorithms' names of up to 20 characters fit); beyond that they
     * are slanted.
     */
    static boolean namesFitSideBySide(StatisticalCategoryDataset bars) {
        int longest = 0;
        for (Object key : bars.getColumnKeys()) longest = Math.max(longest, key.toString().length());
        return bars.getColumnCount() * longest <= 100;
    }

    /** The latency CDF, one curve per configuration or run. */
    public static JFreeChart latencyCdf(XYDataset distributions) {
        NumberAxis fraction = numberAxis("requests at or below (%)");
        fraction.setRange(0, 100);
        XYPlot plot = new XYPlot(distributions, numberAxis("latency (ms)"), fraction, lines());
        return chart("Latency distribution (CDF)", plot);
    }

    /** Latency percentiles over time (ms): a live chart when the caller keeps adding to the dataset. */
    public static JFreeChart latencyOverTime(XYDataset latency) {
        return chart("Latency over time", latencyPlot(latency));
    }

    /** Each instance's utilization over time (%): live when the caller keeps adding to the dataset. */
    public static JFreeChart utilizationOverTime(XYDataset utilization) {
        return chart("Utilization per instance over time", utilizationPlot(utilization));
    }

    /** Completions and errors per second over time: live when the caller keeps adding to the dataset. */
    public static JFreeChart throughputOverTime(XYDataset throughput) {
        XYPlot plot = throughputPlot(throughput);
        return withThroughputColours(chart("Arrivals, throughput and errors over time", plot), plot);
    }

    /**
     * A single run over time, with its moments marked: a labelled vertical line where an instance
     * failed, where the balancer marked it down and up, where it recovered, where an instance was
     * added or removed and where the configuration changed ({@link MomentMarkers}).
     */
    public static JFreeChart runOverTime(TimeSeriesDatasets datasets, List<Moment> moments) {
        JFreeChart chart = runOverTime(datasets);
        MomentMarkers.on(chart).addAll(moments);
        return chart;
    }

    /** A single run over time: latency, utilization, throughput and errors, on one time axis. */
    public static JFreeChart runOverTime(TimeSeriesDatasets datasets) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(numberAxis("time (s)"));
        plot.setGap(18);
        plot.add(latencyPlot(datasets.latency()), 1);
        plot.add(utilizationPlot(datasets.utilization()), 1);
        XYPlot throughput = throughputPlot(datasets.throughput());
        plot.add(throughput, 1);
        return withThroughputColours(chart("One run over time", plot), throughput);
    }

    private static XYPlot latencyPlot(XYDataset latency) {
        return new TimePlot(latency, numberAxis("time (s)"), numberAxis("latency (ms)"), lines());
    }

    private static XYPlot utilizationPlot(XYDataset utilization) {
        NumberAxis percent = numberAxis("utilization (%)");
        percent.setRange(0, 105);
        return new TimePlot(utilization, numberAxis("time (s)"), percent, lines());
    }

    private static XYPlot throughputPlot(XYDataset throughput) {
        XYPlot plot = new TimePlot(throughput, numberAxis("time (s)"), numberAxis("requests/s"), lines());
        // The first series (arrivals) drawn first, so served traffic covers it wherever they agree.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        return plot;
    }

    /**
     * Arrivals in grey behind, completions in sky blue, errors in black and dashed (an error is
     * never told by colour alone), in every chart alike; set after the theme, which hands out its
     * palette's colours in series order.
     */
    private static JFreeChart withThroughputColours(JFreeChart chart, XYPlot throughput) {
        var renderer = throughput.getRenderer();
        renderer.setSeriesPaint(0, ARRIVALS);
        renderer.setSeriesPaint(1, PALETTE[5]);
        renderer.setSeriesPaint(2, PALETTE[6]);
        renderer.setSeriesStroke(2, ERRORS_STROKE);
        return chart;
    }

    private static XYLineAndShapeRenderer lines() {
        return new XYLineAndShapeRenderer(true, false);
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        return axis;
    }

    /** Wraps a plot in a chart with the legend below and the theme applied. */
    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 30), plot, true);
        THEME.apply(chart);
        chart.setPadding(new RectangleInsets(10, 10, 10, 24));
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("lbsim projector");
        theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 30));
        theme.setLargeFont(new Font(FONT, Font.BOLD, 22));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 20));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 16));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(Color.BLACK);
        theme.setTickLabelPaint(Color.BLACK);
        theme.setDrawingSupplier(drawingSupplier());
        // The theme's defaults would put gradients and shadows back on the bars.
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static DrawingSupplier drawingSupplier() {
        Stroke[] strokes = {new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)};
        Stroke[] outlines = {new BasicStroke(1f)};
        double s = 11;
        Shape[] shapes = {
            new Ellipse2D.Double(-s / 2, -s / 2, s, s),
            new Rectangle2D.Double(-s / 2, -s / 2, s, s),
            DefaultDrawingSupplier.createStandardSeriesShapes()[2],
            DefaultDrawingSupplier.createStandardSeriesShapes()[3],
            DefaultDrawingSupplier.createStandardSeriesShapes()[4],
            DefaultDrawingSupplier.createStandardSeriesShapes()[5]};
        Paint[] outlinePaints = {Color.BLACK};
        return new DefaultDrawingSupplier(PALETTE, PALETTE, outlinePaints, strokes, outlines, shapes);
    }
}
