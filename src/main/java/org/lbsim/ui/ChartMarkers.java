package org.lbsim.ui;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.lbsim.metrics.Moment;
import org.lbsim.report.MomentMarkers;

/**
 * The run's moments on the window's live charts: each snapshot's moments are compared with
 * those drawn, the new ones added to every chart, in the window's language. A snapshot of
 * another run (after a reset, or a scenario opened) has other moments, and the charts start
 * over from its own. Lives on the JavaFX thread, which owns the charts.
 */
final class ChartMarkers {

    /** Label type sized for a chart a third of the window wide. */
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private final Messages messages;
    private final List<MomentMarkers> charts = new ArrayList<>();
    /** The moments drawn: the first {@code drawn.size()} of the run's log, the very objects. */
    private List<Moment> drawn = List.of();

    ChartMarkers(Messages messages) {
        this.messages = messages;
        messages.localeProperty().addListener((o, old, locale) -> relabel());
    }

    void attach(JFreeChart chart) {
        MomentMarkers markers = MomentMarkers.on(chart).font(FONT).labels(this::label);
        markers.addAll(drawn);
        charts.add(markers);
    }

    /** Brings the charts up to the run's moments so far (a snapshot's, which only grow within a run). */
    void show(List<Moment> moments) {
        if (!continues(moments)) clear();
        List<Moment> added = moments.subList(drawn.size(), moments.size());
        if (!added.isEmpty()) charts.forEach(chart -> chart.addAll(added));
        drawn = moments;
    }

    /** Whether {@code moments} extends what is drawn: the same run, later. */
    private boolean continues(List<Moment> moments) {
        int shown = drawn.size();
        return moments.size() >= shown && (shown == 0 || moments.get(shown - 1) == drawn.get(shown - 1));
    }

    void clear() {
        charts.forEach(MomentMarkers::clear);
        drawn = List.of();
    }

    private void relabel() {
        List<Moment> moments = drawn;
        clear();
        show(moments);
    }

    private String label(Moment moment) {
        return messages.get("moment." + moment.kind().name(), moment.subject(), moment.detail()).strip();
    }

    /** The labels on each chart, in the order the moments came (for tests). */
    List<List<String>> labels() {
        return charts.stream().map(chart -> chart.markers().stream().map(m -> m.text()).toList()).toList();
    }
}
