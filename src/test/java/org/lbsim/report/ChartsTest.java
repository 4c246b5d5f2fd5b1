package org.lbsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.general.Dataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.Experiments;
import org.lbsim.experiment.Progress;
import org.lbsim.experiment.Runner;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;
import org.lbsim.support.TestScenarios;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every kind of chart is drawn, at the asked size, with its data plotted in the palette's colours. */
class ChartsTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;

    private static List<Replicated> sweep;
    private static Runner.SampledRun run;

    @BeforeAll
    static void runAnExperiment() {
        Experiments experiments = new Experiments(Algorithms.standard(), 2, Progress.NONE);
        List<Experiments.Point> points = Stream.of(0.8, 1.2, 1.6)
                .map(rate -> new Experiments.Point(Map.of("clients.users.arrivals.rate", rate + "/s"), scenario(rate)))
                .toList();
        sweep = experiments.sweep(points, List.of("round-robin", "least-connections"), 3);
        run = new Runner(Algorithms.standard()).run(scenario(1.6), 2);
    }

    private static Scenario scenario(double rate) {
        return TestScenarios.scenario().duration(400, 40).poissonClient("users", rate, 1.0)
                .server("s1", 1, 50).server("s2", 1, 50).build();
    }

    static Stream<Arguments> charts() {
        Map<String, Supplier<JFreeChart>> charts = Map.of(
                "load", () -> Charts.latencyVersusLoad(ChartDatasets.loadCurves(sweep, Metric.find("latency.p99").orElseThrow(),
                        "clients.users.arrivals.rate", value -> Double.parseDouble(value.replace("/s", ""))),
                        "arrival rate (requests/s)", "latency p99 (ms)"),
                "bars", () -> Charts.latencyBars(ChartDatasets.percentileBars(sweep.subList(4, 6))),
                "cdf", () -> Charts.latencyCdf(ChartDatasets.cdf(sweep.subList(4, 6))),
                "run", () -> Charts.runOverTime(TimeSeriesDatasets.of(run.series())),
                "latency-live", () -> Charts.latencyOverTime(TimeSeriesDatasets.of(run.series()).latency()),
                "utilization-live", () -> Charts.utilizationOverTime(TimeSeriesDatasets.of(run.series()).utilization()),
                "throughput-live", () -> Charts.throughputOverTime(TimeSeriesDatasets.of(run.series()).throughput()));
        return charts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> Stream.of(Arguments.of(e.getKey(), e.getValue(), "png"), Arguments.of(e.getKey(), e.getValue(), "svg")));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("charts")
    void isAValidFileOfTheAskedSizeWithPlottedContent(String kind, Supplier<JFreeChart> chart, String format,
                                                      @TempDir Path dir) throws Exception {
        Path file = dir.resolve(kind + "." + format);
        ChartFiles.write(chart.get(), file, WIDTH, HEIGHT);
        if (format.equals("png")) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as("a PNG ImageIO can read").isNotNull();
            assertThat(image.getWidth()).isEqualTo(WIDTH);
            assertThat(image.getHeight()).isEqualTo(HEIGHT);
            // Data is drawn in the palette; text, axes and grid are black, grey or white.
            assertThat(paletteColoured(image)).as("pixels in the palette's colours").isGreaterThan(2_000);
        } else {
            Document svg = parse(file);
            Element root = svg.getDocumentElement();
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(Double.parseDouble(root.getAttribute("width"))).isEqualTo(WIDTH);
            assertThat(Double.parseDouble(root.getAttribute("height"))).isEqualTo(HEIGHT);
            String text = Files.readString(file);
            long paletteUses = Arrays.stream(Charts.PALETTE)
                    .mapToLong(c -> count(text, "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")")).sum();
            assertThat(paletteUses).as("shapes drawn in the palette's colours").isGreaterThan(10);
        }
    }

    /** Each chart's title, and how many series (bars: rows) of how many points (bars: columns) it plots. */
    @SuppressWarnings("unchecked")
    static Stream<Arguments> contents() {
        Map<String, Supplier<JFreeChart>> charts = new java.util.HashMap<>();
        charts().forEach(arguments -> charts.put((String) arguments.get()[0], (Supplier<JFreeChart>) arguments.get()[1]));
        int intervals = run.series().intervals().size();
        return Stream.of(
                Arguments.of(charts.get("load"), "Latency p99 versus load, with 95% confidence bands", 2, 3),
                Arguments.of(charts.get("bars"), "Latency percentiles, with 95% confidence intervals",
                        ChartDatasets.percentileBars(sweep.subList(4, 6)).getRowCount(), 2),
                Arguments.of(charts.get("cdf"), "Latency distribution (CDF)", 2, -1),
                Arguments.of(charts.get("run"), "One run over time", 3 + 2 + 3, intervals),
                Arguments.of(charts.get("latency-live"), "Latency over time", 3, intervals),
                Arguments.of(charts.get("utilization-live"), "Utilization per instance over time", 2, intervals),
                Arguments.of(charts.get("throughput-live"), "Arrivals, throughput and errors over time", 3, intervals));
    }

    /** {@code points} −1: any positive number (a CDF has a point per step of its distribution). */
    @ParameterizedTest(name = "{1}")
    @MethodSource("contents")
    void plotsItsDataUnderItsTitle(Supplier<JFreeChart> supplier, String title, int series, int points) {
        JFreeChart chart = supplier.get();
        assertThat(chart.getTitle().getText()).isEqualTo(title);
        List<Dataset> datasets = datasets(chart.getPlot());
        int seriesCount = 0;
        for (Dataset dataset : datasets) {
            if (dataset instanceof XYDataset xy) {
                seriesCount += xy.getSeriesCount();
                for (int i = 0; i < xy.getSeriesCount(); i++) {
                    if (points < 0) assertThat(xy.getItemCount(i)).as("points of %s", xy.getSeriesKey(i)).isPositive();
                    else assertThat(xy.getItemCount(i)).as("points of %s", xy.getSeriesKey(i)).isEqualTo(points);
                }
            } else if (dataset instanceof CategoryDataset categories) {
                seriesCount += categories.getRowCount();
                assertThat(categories.getColumnCount()).isEqualTo(points);
            }
        }
        assertThat(seriesCount).isEqualTo(series);
    }

    private static List<Dataset> datasets(Plot plot) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            return combined.getSubplots().stream().map(XYPlot::getDataset).map(Dataset.class::cast).toList();
        }
        if (plot instanceof XYPlot xy) return List.of(xy.getDataset());
        if (plot instanceof CategoryPlot category) return List.of(category.getDataset());
        throw new AssertionError("a plot of an unexpected kind: " + plot.getClass());
    }

    /** A live chart's datasets keep their last points only, however long the run, and the chart still draws. */
    @Test
    void liveDatasetsKeepGrowingUnderTheirCharts() {
        TimeSeriesDatasets live = new TimeSeriesDatasets(50);
        List<JFreeChart> charts = List.of(Charts.latencyOverTime(live.latency()),
                Charts.utilizationOverTime(live.utilization()), Charts.throughputOverTime(live.throughput()));
        assertThat(run.series().intervals()).hasSizeGreaterThan(50);
        run.series().intervals().forEach(live::add);
        for (XYDataset dataset : List.of(live.latency(), live.utilization(), live.throughput())) {
            for (int i = 0; i < dataset.getSeriesCount(); i++) assertThat(dataset.getItemCount(i)).isEqualTo(50);
        }
        assertThat(live.utilization().getSeriesCount()).isEqualTo(2);
        double lastTime = run.series().intervals().get(run.series().intervals().size() - 1).end();
        assertThat(live.latency().getSeries(0).getMaxX()).isEqualTo(lastTime);
        for (JFreeChart chart : charts) {
            assertThat(paletteColoured(chart.createBufferedImage(400, 300))).as(chart.getTitle().getText()).isPositive();
        }
    }

    private static int paletteColoured(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                for (var colour : Charts.PALETTE) {
                    if (colour.getRGB() != 0xFF000000 && (colour.getRGB() & 0xFFFFFF) == rgb) {
                        count++;
                        break;
                    }
                }
            }
        }
        return count;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // JFreeSVG writes a DOCTYPE; do not fetch its DTD from the network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static long count(String text, String needle) {
        long count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
        return count;
    }


    @Test
    void fiveAlgorithmsNamesStandSideBySideButManyConfigurationsAreSlanted() {
        var five = new DefaultStatisticalCategoryDataset();
        for (String name : List.of("least-connections", "power-of-d", "least-response-time", "peak-ewma", "join-idle-queue")) {
            five.add(1, 0.1, "p50", name);
        }
        assertThat(Charts.namesFitSideBySide(five)).isTrue();
        var many = new DefaultStatisticalCategoryDataset();
        for (int rate = 10; rate <= 100; rate += 10) many.add(1, 0.1, "p50", rate + "/s least-connections");
        assertThat(Charts.namesFitSideBySide(many)).isFalse();
    }
}
