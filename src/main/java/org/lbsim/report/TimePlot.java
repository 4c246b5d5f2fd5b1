package org.lbsim.report;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;

/**
 * A plot over simulated time whose {@link MomentMarker} labels are staggered as they are drawn:
 * only then are the plot's width in pixels and the labels' widths in its font known. Each label
 * takes the highest row where it clears the labels before it; one that finds no room (in the
 * upper part of the plot, so the curves stay visible) is left out, and its line still drawn.
 */
final class TimePlot extends XYPlot {

    private static final long serialVersionUID = 1L;
    /** The share of the plot's height that labels may cover, from the top. */
    private static final double LABEL_AREA = 0.6;

    TimePlot(XYDataset dataset, ValueAxis time, ValueAxis value, XYItemRenderer renderer) {
        super(dataset, time, value, renderer);
    }

    @Override
    protected void drawDomainMarkers(Graphics2D g2, Rectangle2D dataArea, int index, Layer layer) {
        if (index == 0 && layer == Layer.FOREGROUND) stagger(getDomainMarkers(index, layer), g2, dataArea);
        super.drawDomainMarkers(g2, dataArea, index, layer);
    }

    private void stagger(Collection<?> markers, Graphics2D g2, Rectangle2D area) {
        if (markers == null || markers.isEmpty()) return;
        List<MomentMarker> labelled = new ArrayList<>();
        for (Object marker : markers) {
            if (marker instanceof MomentMarker moment && moment.labelled()) labelled.add(moment);
        }
        labelled.sort(Comparator.comparingDouble(MomentMarker::getValue)); // stable: same time keeps its order
        ValueAxis axis = getDomainAxis();
        double[] rowEnds = null;
        for (MomentMarker marker : labelled) {
            FontMetrics metrics = g2.getFontMetrics(marker.getLabelFont());
            double rowHeight = metrics.getHeight() + 2;
            if (rowEnds == null) {
                rowEnds = new double[Math.max(1, (int) (area.getHeight() * LABEL_AREA / rowHeight))];
                Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
            }
            double x = axis.valueToJava2D(marker.getValue(), area, getDomainAxisEdge());
            if (!axis.getRange().contains(marker.getValue())) {
                marker.hideLabel();
                continue;
            }
            double width = MomentMarker.LABEL_GAP + metrics.stringWidth(marker.text()) + MomentMarker.LABEL_GAP;
            boolean left = x + width > area.getMaxX();
            double start = left ? x - width : x;
            double end = left ? x : x + width;
            int row = 0;
            while (row < rowEnds.length && rowEnds[row] > start) row++;
            if (row == rowEnds.length) {
                marker.hideLabel();
            } else {
                rowEnds[row] = end;
                marker.place(row, rowHeight, left);
            }
        }
    }
}
