package org.lbsim.ui;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;

/**
 * How the live charts follow presenter mode's {@link TypeScale}: their type grows (JFreeChart
 * draws with AWT fonts, which the scene's CSS does not reach) and they give up some height, so
 * that the topology above keeps room for two instance cards at 1280×720. Each font is scaled
 * from the size it had when the charts were built, so that leaving presenter mode puts back
 * exactly what was there.
 */
final class PresenterCharts {

    /** The charts' height while the type is enlarged, in pixels. */
    static final double HEIGHT = 232;
    /**
     * How much of the window's enlargement the charts take: the whole of it would leave no room
     * for the plots at {@link #HEIGHT}. Axis labels keep their size, which is already large
     * enough, so that "requests per second" fits beside a shorter plot.
     */
    private static final double SHARE = 0.5;


    private record Scaled(Font normal, Consumer<Font> setter) {
        void apply(double factor) {
            setter.accept(normal.deriveFont((float) (normal.getSize2D() * factor)));
        }
    }

    /** The charts' own factor for the window's {@code factor}. */
    static double chartFactor(double factor) {
        return 1 + (factor - 1) * SHARE;
    }

    private final List<Scaled> fonts = new ArrayList<>();

    private PresenterCharts(List<JFreeChart> charts) {
        for (JFreeChart chart : charts) {
            if (chart.getTitle() != null) fonts.add(new Scaled(chart.getTitle().getFont(), chart.getTitle()::setFont));
            if (chart.getLegend() != null) fonts.add(new Scaled(chart.getLegend().getItemFont(), chart.getLegend()::setItemFont));
            if (chart.getPlot() instanceof XYPlot plot) {
                for (Axis axis : new Axis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
                    fonts.add(new Scaled(axis.getTickLabelFont(), axis::setTickLabelFont));
                }
            }
        }
    }

    /** Keeps the charts at the type scale of {@code host}, the pane that shows them. */
    static void follow(Pane host, List<JFreeChart> charts) {
        PresenterCharts type = new PresenterCharts(charts);
        TypeScale scale = TypeScale.of(host);
        scale.onChange(() -> type.apply(host, scale.factor()));
        type.apply(host, scale.factor());
    }

    private void apply(Pane host, double factor) {
        for (Scaled font : fonts) font.apply(chartFactor(factor));
        host.setPrefHeight(factor > 1 ? HEIGHT : Region.USE_COMPUTED_SIZE);
    }
}
