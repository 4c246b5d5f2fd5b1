package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.lbsim.metrics.Moment;
import org.lbsim.metrics.Moment.Kind;
import org.lbsim.report.Charts;

/** The window's markers follow the snapshots' moments: new ones added, another run's start over, in the window's language. */
class ChartMarkersTest {

    private final Messages messages = new Messages();
    private final ChartMarkers markers = new ChartMarkers(messages);
    private final List<JFreeChart> charts = List.of(Charts.latencyOverTime(new XYSeriesCollection()),
            Charts.utilizationOverTime(new XYSeriesCollection()));

    ChartMarkersTest() {
        messages.localeProperty().set(Locale.ENGLISH);
        charts.forEach(markers::attach);
    }

    @Test
    void eachSnapshotAddsOnlyItsNewMomentsToEveryChart() {
        List<Moment> log = new ArrayList<>(List.of(new Moment(2, Kind.FAILED, "web-1", "")));
        markers.show(List.copyOf(log));
        markers.show(List.copyOf(log)); // the same moments again: nothing new
        log.add(new Moment(21, Kind.MARKED_DOWN, "web-1", ""));
        markers.show(List.copyOf(log));
        assertThat(markers.labels()).containsExactly(List.of("web-1 failed", "web-1 down"), List.of("web-1 failed", "web-1 down"));
        assertThat(charts.get(1).getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(2);
    }

    @Test
    void anotherRunsMomentsReplaceTheOnesDrawnEvenWhenTheyAreAsMany() {
        markers.show(List.of(new Moment(2, Kind.FAILED, "web-1", ""), new Moment(21, Kind.MARKED_DOWN, "web-1", "")));
        // After a reset: other moment objects, even if the new run already has as many.
        markers.show(List.of(new Moment(1, Kind.RATE_CHANGED, "users", "300/s"), new Moment(3, Kind.ADDED, "web-3", "")));
        assertThat(markers.labels().get(0)).containsExactly("users 300/s", "+web-3");
        markers.show(List.of());
        assertThat(markers.labels()).allSatisfy(chart -> assertThat(chart).isEmpty());
    }

    @Test
    void switchingLanguageRelabelsTheMarkers() {
        markers.show(List.of(new Moment(2, Kind.FAILED, "web-1", ""), new Moment(21, Kind.MARKED_DOWN, "web-1", ""),
                new Moment(30, Kind.SLOWED, "web-2", Moment.factor(0.25))));
        messages.localeProperty().set(Messages.SPANISH);
        assertThat(markers.labels().get(0)).containsExactly("web-1 cae", "web-1 no sana", "web-2 lenta ×0.25");
        messages.localeProperty().set(Messages.PORTUGUESE);
        assertThat(markers.labels().get(1)).containsExactly("web-1 cai", "web-1 não saudável", "web-2 lenta ×0.25");
    }
}
