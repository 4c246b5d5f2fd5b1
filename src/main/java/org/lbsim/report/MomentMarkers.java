package org.lbsim.report;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.lbsim.metrics.Moment;

/**
 * The moments drawn on one over-time chart, as {@link MomentMarker}s on its time axis: on every
 * plot of a combined chart, labelled on the top one only. Added all at once for a file or one
 * by one as a live run goes (on the thread that owns the chart); cleared when it starts over.
 */
public final class MomentMarkers {

    /** The labels' type in files (1600×900). */
    public static final Font FILE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private final List<XYPlot> plots;
    private final List<MomentMarker> markers = new ArrayList<>();
    private Font font = FILE_FONT;
    private Function<Moment, String> labels = Moment::label;

    private MomentMarkers(List<XYPlot> plots) {
        this.plots = plots;
    }

    /**
     * The markers of a chart whose plot is over time: an {@link XYPlot}, or a
     * {@link CombinedDomainXYPlot} of them sharing the time axis.
     */
    public static MomentMarkers on(JFreeChart chart) {
        Plot plot = chart.getPlot();
        List<XYPlot> plots = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot combined) {
            for (Object subplot : combined.getSubplots()) plots.add((XYPlot) subplot);
        } else if (plot instanceof XYPlot xy) {
            plots.add(xy);
        } else {
            throw new IllegalArgumentException("moments go on a chart over time, not on a " + plot.getPlotType());
        }
        return new MomentMarkers(plots);
    }

    /** The labels' type for markers added from now on. */
    public MomentMarkers font(Font labelFont) {
        this.font = labelFont;
        return this;
    }

    /** How markers added from now on are labelled (a window in another language); {@link Moment#label()} unless set. */
    public MomentMarkers labels(Function<Moment, String> labelling) {
        this.labels = labelling;
        return this;
    }

    /** Adds a marker per moment, and redraws the chart once (a live chart redraws at each change). */
    public MomentMarkers addAll(List<Moment> moments) {
        for (int i = 0; i < moments.size(); i++) add(moments.get(i), i == moments.size() - 1);
        return this;
    }

    public void add(Moment moment) {
        add(moment, true);
    }

    private void add(Moment moment, boolean redraw) {
        String text = labels.apply(moment);
        for (int i = 0; i < plots.size(); i++) {
            MomentMarker marker = new MomentMarker(moment, text, font, i == 0);
            plots.get(i).addDomainMarker(0, marker, Layer.FOREGROUND, redraw && i == plots.size() - 1);
            if (i == 0) markers.add(marker);
        }
    }

    /** Removes every marker this added, and only those. */
    public void clear() {
        for (XYPlot plot : plots) {
            var all = plot.getDomainMarkers(0, Layer.FOREGROUND);
            if (all == null) continue;
            for (Object marker : List.copyOf(all)) {
                if (marker instanceof MomentMarker) plot.removeDomainMarker(0, (Marker) marker, Layer.FOREGROUND, false);
            }
        }
        markers.clear();
        plots.get(0).setNotify(true); // one redraw for the lot
    }

    /** The labelled markers, one per moment, in the order added. */
    public List<MomentMarker> markers() {
        return List.copyOf(markers);
    }

    public int size() {
        return markers.size();
    }
}
