package org.lbsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Charts of quantities over simulated time, for datasets the caller keeps updating (the live
 * UI) or fills once (exports). Projector-friendly: large fonts, labelled axes, the Okabe–Ito
 * colour-blind-safe palette.
 */
public final class LiveChartFactory {

    /** Okabe & Ito (2008): distinguishable with every common colour-vision deficiency. */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

    private LiveChartFactory() {
    }

    public static JFreeChart latencyOverTime(String title, String timeAxis, String valueAxis, XYDataset dataset) {
        return lines(title, timeAxis, valueAxis, dataset);
    }

    public static JFreeChart utilizationOverTime(String title, String timeAxis, String valueAxis, XYDataset dataset) {
        JFreeChart chart = lines(title, timeAxis, valueAxis, dataset);
        chart.getXYPlot().getRangeAxis().setRange(0, 100);
        return chart;
    }

    public static JFreeChart ratesOverTime(String title, String timeAxis, String valueAxis, XYDataset dataset) {
        return lines(title, timeAxis, valueAxis, dataset);
    }

    private static JFreeChart lines(String title, String timeAxis, String valueAxis, XYDataset dataset) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, timeAxis, valueAxis, dataset, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        plot.getDomainAxis().setLabelFont(label);
        plot.getDomainAxis().setTickLabelFont(ticks);
        plot.getRangeAxis().setLabelFont(label);
        plot.getRangeAxis().setTickLabelFont(ticks);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < PALETTE.length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        plot.setRenderer(renderer);
        return chart;
    }
}
