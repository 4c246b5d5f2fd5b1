package org.lbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.cli.Main;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.Moment;
import org.lbsim.metrics.Moment.Kind;
import org.lbsim.support.YamlScenarios;

/** A run's moments on its chart over time: one labelled line per moment, labels kept apart, in the files too. */
class MomentMarkersTest {

    private static Runner.SampledRun run;

    @BeforeAll
    static void runAFailure() {
        run = YamlScenarios.sampled("""
                name: a failure
                seed: 3
                duration: 300s
                warmup: 20s
                clients: [{name: users, arrivals: {process: poisson, rate: 30/s}, service: {distribution: exponential, mean: 20ms}}]
                balancer: {algorithm: round-robin, healthCheck: {interval: 10s, timeout: 5s, healthyThreshold: 3, unhealthyThreshold: 2}}
                servers: [{name: web-1, workers: 2}, {name: web-2, workers: 2}]
                events:
                  - {at: 100s, action: fail, server: web-1}
                  - {at: 200s, action: recover, server: web-1}
                  - {at: 250s, action: set-rate, client: users, rate: 40/s}
                """, 1);
    }

    @Test
    void aRunsChartHasOneLabelledLinePerMomentOnTheTopPlotAndTheLinesOnEveryPlot() {
        List<Moment> moments = run.result().moments();
        assertThat(moments).extracting(Moment::kind)
                .containsExactly(Kind.FAILED, Kind.MARKED_DOWN, Kind.RECOVERED, Kind.MARKED_UP, Kind.RATE_CHANGED);
        JFreeChart chart = Charts.runOverTime(TimeSeriesDatasets.of(run.series()), moments);

        List<XYPlot> plots = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots();
        List<MomentMarker> top = markers(plots.get(0));
        assertThat(top).extracting(ValueMarker::getValue).containsExactlyElementsOf(moments.stream().map(Moment::time).toList());
        assertThat(top).extracting(ValueMarker::getLabel)
                .containsExactly("web-1 failed", "web-1 down", "web-1 recovered", "web-1 up", "users 40/s");
        for (XYPlot plot : plots.subList(1, plots.size())) {
            assertThat(markers(plot)).hasSameSizeAs(moments).allSatisfy(marker -> assertThat(marker.getLabel()).isNull());
        }
        // The detection delay is the gap between the two lines, in different dashes.
        assertThat(top.get(1).getValue() - top.get(0).getValue()).isBetween(15.0, 25.0);
        assertThat(dashes(top.get(0))).isNull();
        assertThat(dashes(top.get(1))).isNotNull();
    }

    @Test
    void everyGroupOfKindsHasItsOwnDashPatternSoColourIsNotTheOnlyCue() {
        Set<String> patterns = new HashSet<>();
        for (Kind kind : List.of(Kind.FAILED, Kind.RECOVERED, Kind.MARKED_DOWN, Kind.MARKED_UP, Kind.ADDED, Kind.RATE_CHANGED)) {
            patterns.add(Arrays.toString(dashes(new MomentMarker(new Moment(1, kind, "s", ""), "s", MomentMarkers.FILE_FONT, true))));
        }
        assertThat(patterns).hasSize(6);
        for (Kind kind : Kind.values()) {
            assertThat(new MomentMarker(new Moment(1, kind, "s", "x"), "s", MomentMarkers.FILE_FONT, true).getPaint())
                    .as("%s in the palette", kind).isIn((Object[]) Charts.PALETTE);
        }
    }

    @Test
    void labelsCloseInTimeAreDrawnInDifferentRowsAndFarOnesShareTheTopRow() {
        JFreeChart chart = Charts.runOverTime(TimeSeriesDatasets.of(run.series()), List.of(
                moment(50, Kind.FAILED, "web-1"), moment(51, Kind.MARKED_DOWN, "web-1"), moment(52, Kind.ADDED, "web-3"),
                moment(200, Kind.MARKED_UP, "web-1"), moment(299, Kind.ALGORITHM_CHANGED, "random")));
        chart.createBufferedImage(ChartFiles.WIDTH, ChartFiles.HEIGHT);

        List<MomentMarker> top = markers(((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0));
        assertThat(top).allSatisfy(marker -> assertThat(marker.labelShown()).as(marker.text()).isTrue());
        assertThat(top.subList(0, 3)).extracting(MomentMarker::row).containsExactly(0, 1, 2);
        assertThat(top.get(3).row()).isZero();
        assertThat(top.get(4).row()).as("at the right edge, its label goes left of the line").isZero();
        assertThat(top.get(4).getLabelAnchor().toString()).contains("LEFT");
    }

    @Test
    void labelsThatFindNoRoomAreLeftOutButEveryLineIsDrawn() {
        List<Moment> flapping = new ArrayList<>();
        for (int i = 0; i < 300; i++) flapping.add(moment(100 + i * 0.1, i % 2 == 0 ? Kind.MARKED_DOWN : Kind.MARKED_UP, "web-2"));
        JFreeChart chart = Charts.runOverTime(TimeSeriesDatasets.of(run.series()), flapping);
        chart.createBufferedImage(ChartFiles.WIDTH, ChartFiles.HEIGHT);

        List<MomentMarker> top = markers(((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0));
        assertThat(top).hasSize(300);
        long shown = top.stream().filter(MomentMarker::labelShown).count();
        assertThat(shown).isPositive().isLessThan(20);
    }

    @Test
    void clearingRemovesTheMomentsAndNothingElse() {
        JFreeChart chart = Charts.latencyOverTime(TimeSeriesDatasets.of(run.series()).latency());
        XYPlot plot = chart.getXYPlot();
        ValueMarker someoneElses = new ValueMarker(10);
        plot.addDomainMarker(someoneElses, Layer.FOREGROUND);
        MomentMarkers markers = MomentMarkers.on(chart).addAll(run.result().moments());
        assertThat(markers.size()).isEqualTo(5);
        assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).hasSize(6);

        markers.clear();
        assertThat(markers.size()).isZero();
        assertThat(plot.getDomainMarkers(Layer.FOREGROUND)).containsExactly(someoneElses);
    }

    @Test
    void onlyAChartOverTimeTakesMoments() {
        JFreeChart bars = Charts.latencyBars(ChartDatasets.percentileBars(List.of(
                org.lbsim.metrics.Replicated.of("round-robin", java.util.Map.of(), List.of(run.result()), List.of()))));
        assertThatThrownBy(() -> MomentMarkers.on(bars)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over time");
    }

    @Test
    void runChartFilesCarryTheLabels(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("run.svg");
        Path png = dir.resolve("run.png");
        StringWriter err = new StringWriter();
        for (Path file : List.of(svg, png)) {
            int status = Main.execute(new String[] {"run", "scenarios/two-instances.yaml", "--quiet", "--chart", file.toString()},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(status).as(err.toString()).isZero();
        }
        assertThat(Files.readString(svg)).contains(">web-2 failed<", ">web-2 down<", ">web-2 recovered<", ">web-2 up<");
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(ChartFiles.WIDTH);
    }

    private static Moment moment(double time, Kind kind, String subject) {
        return new Moment(time, kind, subject, "");
    }

    private static List<MomentMarker> markers(XYPlot plot) {
        var all = plot.getDomainMarkers(Layer.FOREGROUND);
        if (all == null) return List.of();
        List<MomentMarker> markers = new ArrayList<>();
        for (Object marker : all) if (marker instanceof MomentMarker moment) markers.add(moment);
        return markers;
    }

    private static float[] dashes(ValueMarker marker) {
        return ((BasicStroke) marker.getStroke()).getDashArray();
    }
}
