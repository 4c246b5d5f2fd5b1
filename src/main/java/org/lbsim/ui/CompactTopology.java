package org.lbsim.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.PairedDifference;

/**
 * One side of the comparison, drawn small enough for two to sit side by side: its counters,
 * internet clients → the balancer → one box per instance with its busy workers, its queue, and
 * the truth beside what the balancer sees; requests flow as in the full topology (green served,
 * orange rejected, dark red lost). The controls live outside, shared by both sides.
 */
final class CompactTopology extends Pane {

    private static final Color SERVED = Palette.SERVED;
    private static final Color REJECTED = Palette.REJECTED;
    private static final Color LOST = Palette.LOST;
    private static final Color INK = Palette.INK;
    /** The size of a moving request's mark, smaller than in one run's larger picture. */
    private static final double DOT = 8;
    private static final double COUNTERS_WIDTH = 170;
    /** An instance's box is no taller than its four lines need. */
    private static final double MAX_SERVER_HEIGHT = 80;

    private final Canvas canvas = new Canvas();
    private final Messages messages;
    private final FlowAnimation flow = new FlowAnimation();
    private final List<FlowAnimation.Path> toServers = new ArrayList<>();
    private final List<FlowAnimation.Path> lostAtServers = new ArrayList<>();
    private FlowAnimation.Path inbound;
    private FlowAnimation.Path rejected;
    private ClusterSnapshot snapshot;
    private PairedDifference.Outcomes outcomes;
    private FlowRates rates;
    /** The geometry and instance count the paths were built for. */
    private String pathGeometry = "";

    /** Queue capacity by instance, for the queue bar's scale; instances added live have none. */
    private final java.util.Map<String, Integer> queueScale = new java.util.HashMap<>();

    CompactTopology(Scenario scenario, Messages messages) {
        this.messages = messages;
        for (ServerSpec server : scenario.servers()) {
            queueScale.put(server.name(), server.queueCapacity() == ServerSpec.UNLIMITED_QUEUE ? 100 : Math.max(1, server.queueCapacity()));
        }
        getChildren().add(canvas);
        setMinSize(420, 170);
        setPrefSize(630, 230);
    }

    /** A new snapshot, the flow rates since the previous one (null when none) and the side's outcomes since the warm-up (null before its end). */
    void show(ClusterSnapshot newSnapshot, FlowRates newRates, PairedDifference.Outcomes newOutcomes) {
        boolean instancesChanged = snapshot == null || snapshot.servers().size() != newSnapshot.servers().size();
        snapshot = newSnapshot;
        outcomes = newOutcomes;
        if (newRates != null) rates = newRates;
        if (instancesChanged) {
            pathGeometry = "";
            requestLayout();
        }
        applyFlows();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        String geometry = w + "x" + h + "/" + servers().size();
        if (!geometry.equals(pathGeometry)) {
            pathGeometry = geometry;
            buildPaths(w, h);
        }
    }

    private List<ClusterSnapshot.ServerState> servers() {
        return snapshot == null ? List.of() : snapshot.servers();
    }

    private double internetX(double w) {
        return COUNTERS_WIDTH + (w - COUNTERS_WIDTH) * 0.08;
    }

    private double balancerX(double w) {
        return COUNTERS_WIDTH + (w - COUNTERS_WIDTH) * 0.36;
    }

    private double serversX(double w) {
        return COUNTERS_WIDTH + (w - COUNTERS_WIDTH) * 0.56;
    }

    private double slot(double h) {
        return (h - 12) / Math.max(1, servers().size());
    }

    private void buildPaths(double w, double h) {
        double mid = h / 2;
        Point2D internet = new Point2D(internetX(w) + 35, mid);
        Point2D balancer = new Point2D(balancerX(w), mid);
        inbound = new FlowAnimation.Path(SERVED, Mark.CIRCLE, internet, balancer);
        rejected = new FlowAnimation.Path(REJECTED, Mark.TRIANGLE, balancer, balancer.add(0, Math.min(70, h / 2 - 6)));
        toServers.clear();
        lostAtServers.clear();
        double slot = slot(h);
        for (int i = 0; i < servers().size(); i++) {
            Point2D target = new Point2D(serversX(w), 6 + slot * (i + 0.5));
            Point2D bend = new Point2D((balancerX(w) + serversX(w)) / 2 + 20, (mid + target.getY()) / 2);
            toServers.add(new FlowAnimation.Path(SERVED, Mark.CIRCLE, balancer, bend, target));
            lostAtServers.add(new FlowAnimation.Path(LOST, Mark.CROSS, balancer, bend, target.add(0, 8)));
        }
        List<FlowAnimation.Path> all = new ArrayList<>(List.of(inbound, rejected));
        all.addAll(toServers);
        all.addAll(lostAtServers);
        flow.setPaths(all);
        applyFlows();
    }

    private void applyFlows() {
        if (rates == null || inbound == null) return;
        inbound.flow = FlowAnimation.serverFlows(rates, toServers, lostAtServers) + rates.rejected();
        rejected.flow = rates.rejected();
    }

    /** Called every frame with the wall time in seconds. */
    void redraw(double wallSeconds) {
        flow.advance(wallSeconds);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Palette.CANVAS);
        g.fillRect(0, 0, w, h);
        if (snapshot == null || inbound == null) return;
        g.setStroke(Palette.ROUTE);
        g.setLineWidth(2);
        inbound.stroke(g);
        toServers.forEach(path -> path.stroke(g));
        flow.draw(g, wallSeconds, DOT);
        double mid = h / 2;
        LabelledBox.draw(g, internetX(w) - 35, mid - 28, 70, 56, 12, 12, messages.get("topology.internet"),
                Palette.tint(Palette.SKY_BLUE, 0.25));
        LabelledBox.draw(g, balancerX(w) - 52, mid - 30, 104, 60, 12, 12,
                messages.get("topology.balancer") + "\n" + snapshot.algorithm(), Palette.tint(Palette.ORANGE, 0.2));
        double slot = slot(h);
        double boxHeight = Math.min(slot - 6, MAX_SERVER_HEIGHT);
        for (int i = 0; i < servers().size(); i++) {
            server(g, servers().get(i), serversX(w), 6 + slot * (i + 0.5) - boxHeight / 2, w - serversX(w) - 6, boxHeight);
        }
        counters(g);
    }



    /**
     * An instance: its name and the truth on the first line, what the balancer sees on the
     * second, then busy workers and queue as bars (left out when the box is too small).
     */
    private void server(GraphicsContext g, ClusterSnapshot.ServerState state, double x, double y, double w, double h) {
        g.setFill(Color.WHITE);
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setStroke(Palette.CARD_BORDER);
        g.setLineWidth(1);
        g.strokeRoundRect(x, y, w, h, 8, 8);
        double line = Math.max(10, Math.min(18, (h - 4) / 4));
        double font = Math.min(13, line - 3);
        double stateX = x + w * 0.45;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double row = y + 2 + line / 2;
        g.setFill(INK);
        g.setFont(Font.font("System", FontWeight.BOLD, font + 1));
        g.fillText(state.name(), x + 6, row, w * 0.45 - 10);
        stateLine(g, stateX, row, x + w - stateX - 4, Health.ofCondition(state.condition()),
                messages.get("state." + state.condition()), font);
        if (h < 2 * line + 4) return;
        row += line;
        g.setFill(Palette.CARD_BORDER);
        g.setFont(Font.font("System", FontWeight.NORMAL, font - 1));
        g.fillText(messages.get("server.belief"), x + 6, row, w * 0.45 - 10);
        stateLine(g, stateX, row, x + w - stateX - 4, Health.ofBelief(state.healthyAtBalancer()),
                messages.get(state.healthyAtBalancer() ? "state.healthy" : "state.unhealthy"), font);
        if (h < 3 * line + 4) return;
        bar(g, x + 6, y + 3 + 2 * line, w - 12, line - 3, (double) state.busy() / state.workers(), Palette.BUSY,
                messages.get("server.workers", state.busy(), state.workers()), font);
        if (h < 4 * line + 4) return;
        bar(g, x + 6, y + 3 + 3 * line, w - 12, line - 3,
                Math.min(1, (double) state.queued() / queueScale.getOrDefault(state.name(), 100)), REJECTED,
                messages.get("server.queue", state.queued()), font);
    }

    /** A state as one run's cards show it: its mark, in its colour, then its word. */
    private static void stateLine(GraphicsContext g, double x, double y, double width, Health health, String text, double font) {
        health.mark.draw(g, x + 5, y, 10, health.color);
        g.setFill(INK);
        g.setFont(Font.font("System", FontWeight.NORMAL, font));
        g.fillText(text, x + 14, y, width - 14);
    }

    private static void bar(GraphicsContext g, double x, double y, double w, double h, double fraction, Color color, String text,
                            double font) {
        g.setFill(Palette.NO_GROUP);
        g.fillRect(x, y, w, h);
        g.setFill(color.deriveColor(0, 1, 1, 0.55));
        g.fillRect(x, y, w * Math.max(0, Math.min(1, fraction)), h);
        g.setFill(INK);
        g.setFont(Font.font("System", FontWeight.NORMAL, font - 1));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + 4, y + h / 2, w - 8);
    }

    private void counters(GraphicsContext g) {
        var t = snapshot.totals();
        List<String> lines = new ArrayList<>(List.of(
                messages.get("counter.time", String.format("%.1f s", snapshot.time())),
                messages.get("counter.sent", t.sent()),
                messages.get("counter.completed", t.completed()),
                messages.get("counter.rejected", t.rejected()),
                messages.get("counter.failed", t.failed()),
                messages.get("counter.timedOut", t.timedOut())));
        List<Color> colors = new ArrayList<>(List.of(INK, INK, SERVED, REJECTED, LOST, LOST));
        if (outcomes != null && Double.isFinite(outcomes.meanLatency())) {
            lines.add(messages.get("compare.meanLatency", Math.round(1000 * outcomes.meanLatency())));
            colors.add(INK);
        }
        double line = Math.min(18, (canvas.getHeight() - 8) / lines.size());
        g.setFont(Font.font("System", FontWeight.NORMAL, Math.min(14, line - 3)));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            g.setFill(colors.get(i));
            g.fillText(lines.get(i), 8, 4 + i * line, COUNTERS_WIDTH - 12);
        }
    }
}
