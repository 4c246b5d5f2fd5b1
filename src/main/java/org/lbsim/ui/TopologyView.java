package org.lbsim.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;

/**
 * The architecture, drawn from the scenario: internet clients → the balancer's security group
 * → the balancer → the instances' security group → the instances, with requests flowing
 * along the arrows: green when served, red where a security group denies them, orange when
 * rejected, dark red when lost to a failed instance.
 */
final class TopologyView extends Pane {

    private static final Color SERVED = Color.web("#009E73");
    private static final Color DENIED = Color.web("#D55E00");
    private static final Color REJECTED = Color.web("#E69F00");
    private static final Color LOST = Color.web("#7F0000");
    private static final Color INK = Color.web("#222222");

    private final Canvas canvas = new Canvas();
    private final Messages messages;
    private final Scenario scenario;
    private final Map<String, ServerCard> cards = new LinkedHashMap<>();
    private final Consumer<Consumer<ClusterControl>> control;
    private final FlowAnimation flow = new FlowAnimation();
    /** The wall time of the last frame: a redraw between frames (a new language) draws that instant again. */
    private double lastWallSeconds;
    private final String balancerGroup;
    private final String serverGroups;
    private final boolean directAttempts;
    private ClusterSnapshot snapshot;
    private FlowRates rates;
    /** The geometry the paths were built for: rebuilding them clears the moving dots. */
    private String pathGeometry = "";

    // Paths, rebuilt on layout.
    private FlowAnimation.Path inbound;
    private FlowAnimation.Path deniedAtBalancer;
    private FlowAnimation.Path deniedAtServers;
    private FlowAnimation.Path rejectedAtBalancer;
    private final List<FlowAnimation.Path> toServers = new ArrayList<>();
    private final List<FlowAnimation.Path> lostAtServers = new ArrayList<>();

    TopologyView(Scenario scenario, Messages messages, Consumer<Consumer<ClusterControl>> control) {
        this.scenario = scenario;
        this.messages = messages;
        this.control = control;
        this.balancerGroup = scenario.balancer().securityGroup();
        this.serverGroups = String.join(", ", scenario.servers().stream().map(ServerSpec::securityGroup)
                .filter(g -> g != null).distinct().toList());
        this.directAttempts = scenario.clients().stream().anyMatch(c -> !c.targetsBalancer());
        getChildren().add(canvas);
        for (ServerSpec server : scenario.servers()) {
            ServerCard card = new ServerCard(server.name(), server.queueCapacity(), messages, control);
            cards.put(server.name(), card);
            getChildren().add(card);
        }
        setMinSize(700, 360);
        messages.localeProperty().addListener((o, a, b) -> redraw(lastWallSeconds));
    }

    ServerCard card(String server) {
        return cards.get(server);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        double cardWidth = Math.min(330, w * 0.3);
        double cardX = w - cardWidth - 10;
        int n = cards.size();
        double slot = (h - 20) / Math.max(1, n);
        int i = 0;
        for (ServerCard card : cards.values()) {
            double cardHeight = Math.min(slot - 8, card.prefHeight(cardWidth));
            card.resizeRelocate(cardX, 10 + i * slot + (slot - cardHeight) / 2, cardWidth, cardHeight);
            i++;
        }
        String geometry = w + "x" + h + "@" + cardX;
        if (!geometry.equals(pathGeometry)) {
            pathGeometry = geometry;
            buildPaths(w, h, cardX);
        }
    }

    private double internetX(double w) {
        return w * 0.07;
    }

    private double lbShieldX(double w) {
        return w * 0.19;
    }

    private double balancerX(double w) {
        return w * 0.34;
    }

    private double serverShieldX(double w) {
        return w * 0.52;
    }

    private void buildPaths(double w, double h, double cardX) {
        double mid = h / 2;
        Point2D internet = new Point2D(internetX(w) + 40, mid);
        Point2D lbShield = new Point2D(lbShieldX(w), mid);
        Point2D balancer = new Point2D(balancerX(w), mid);
        Point2D serverShield = new Point2D(serverShieldX(w), mid);
        inbound = new FlowAnimation.Path(SERVED, internet, lbShield, balancer);
        deniedAtBalancer = new FlowAnimation.Path(DENIED, internet.add(0, -14), lbShield.add(0, -14));
        rejectedAtBalancer = new FlowAnimation.Path(REJECTED, balancer, balancer.add(0, 80));
        deniedAtServers = new FlowAnimation.Path(DENIED, internet.add(0, 30), new Point2D(lbShieldX(w), h - 25),
                new Point2D(serverShieldX(w), h - 25), serverShield.add(0, 40));
        toServers.clear();
        lostAtServers.clear();
        for (ServerCard card : cards.values()) {
            Point2D target = new Point2D(cardX, card.getLayoutY() + card.getHeight() / 2);
            Point2D atShield = new Point2D(serverShieldX(w), (mid + target.getY()) / 2);
            toServers.add(new FlowAnimation.Path(SERVED, balancer, atShield, target));
            lostAtServers.add(new FlowAnimation.Path(LOST, balancer, atShield, target.add(-4, 12)));
        }
        List<FlowAnimation.Path> all = new ArrayList<>(List.of(inbound, deniedAtBalancer, rejectedAtBalancer));
        if (directAttempts) all.add(deniedAtServers);
        all.addAll(toServers);
        all.addAll(lostAtServers);
        flow.setPaths(all);
        applyFlows();
    }

    /** A new snapshot and the flow rates since the previous one (null when none). */
    void show(ClusterSnapshot newSnapshot, FlowRates newRates) {
        snapshot = newSnapshot;
        if (newRates != null) rates = newRates;
        for (ClusterSnapshot.ServerState state : newSnapshot.servers()) {
            ServerCard card = cards.get(state.name());
            if (card == null) card = addCard(state.name());
            card.show(state);
        }
        applyFlows();
    }

    /** An instance added during the run gets its card; the paths are rebuilt at the next layout. */
    private ServerCard addCard(String server) {
        ServerCard card = new ServerCard(server, ServerSpec.UNLIMITED_QUEUE, messages, control);
        cards.put(server, card);
        getChildren().add(card);
        pathGeometry = "";
        requestLayout();
        return card;
    }

    private void applyFlows() {
        if (rates == null || inbound == null) return;
        double admitted = 0;
        for (int i = 0; i < toServers.size() && i < rates.completedByServer().length; i++) {
            toServers.get(i).flow = rates.completedByServer()[i];
            lostAtServers.get(i).flow = rates.lostByServer()[i];
            admitted += rates.completedByServer()[i] + rates.lostByServer()[i];
        }
        inbound.flow = admitted + rates.rejected();
        rejectedAtBalancer.flow = rates.rejected();
        deniedAtBalancer.flow = deniedBy(balancerGroup);
        deniedAtServers.flow = rates.denied() - deniedBy(balancerGroup);
    }

    private double deniedBy(String group) {
        if (group == null || snapshot == null) return 0;
        for (int g = 0; g < snapshot.securityGroups().size(); g++) {
            if (snapshot.securityGroups().get(g).name().equals(group)) return rates.deniedByGroup()[g];
        }
        return 0;
    }

    /** Called every frame with the wall time in seconds. */
    void redraw(double wallSeconds) {
        lastWallSeconds = wallSeconds;
        flow.advance(wallSeconds);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#F4F6F8"));
        g.fillRect(0, 0, w, h);
        if (inbound == null) return;
        g.setStroke(Color.web("#9AA5B1"));
        g.setLineWidth(2);
        strokePath(g, inbound);
        toServers.forEach(p -> strokePath(g, p));
        if (directAttempts) {
            g.setLineDashes(6, 6);
            strokePath(g, deniedAtServers);
            g.setLineDashes(null);
        }
        flow.draw(g, wallSeconds); // under the boxes, so labels stay readable
        double mid = h / 2;
        box(g, internetX(w) - 50, mid - 45, 90, 90, messages.get("topology.internet"), Color.web("#DCE8F5"));
        shield(g, lbShieldX(w), mid, h, balancerGroup, DENIED);
        String algorithm = snapshot == null ? scenario.balancer().algorithm() : snapshot.algorithm();
        box(g, balancerX(w) - 60, mid - 40, 120, 80, messages.get("topology.balancer") + "\n" + algorithm, Color.web("#FFF3D6"));
        shield(g, serverShieldX(w), mid, h, serverGroups.isEmpty() ? null : serverGroups, DENIED);
        counters(g, w, h);
    }

    private static void strokePath(GraphicsContext g, FlowAnimation.Path path) {
        for (int i = 0; i + 1 < path.points.length; i++) {
            g.strokeLine(path.points[i].getX(), path.points[i].getY(), path.points[i + 1].getX(), path.points[i + 1].getY());
        }
    }

    private static void box(GraphicsContext g, double x, double y, double w, double h, String text, Color fill) {
        g.setFill(fill);
        g.fillRoundRect(x, y, w, h, 14, 14);
        g.setStroke(INK);
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y, w, h, 14, 14);
        g.setFill(INK);
        g.setFont(Font.font("System", FontWeight.BOLD, 14));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + w / 2, y + h / 2, w - 8);
    }

    private void shield(GraphicsContext g, double x, double mid, double h, String group, Color color) {
        double top = 30;
        g.setFill(group == null ? Color.web("#E0E0E0") : Color.web("#FBE3D6"));
        g.fillRoundRect(x - 12, top, 24, h - 2 * top, 10, 10);
        g.setStroke(group == null ? Color.GRAY : color);
        g.setLineWidth(2);
        g.strokeRoundRect(x - 12, top, 24, h - 2 * top, 10, 10);
        g.setFill(INK);
        g.setFont(Font.font("System", FontWeight.NORMAL, 13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String label = group == null ? "—" : group;
        g.fillText(label, x, top - 4);
        g.setTextBaseline(VPos.TOP);
        g.fillText(messages.get("topology.sg"), x, h - top + 4);
    }

    private void counters(GraphicsContext g, double w, double h) {
        if (snapshot == null) return;
        var t = snapshot.totals();
        g.setFont(Font.font("System", FontWeight.NORMAL, 14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String[] lines = {
            messages.get("counter.time", String.format("%.1f s", snapshot.time())),
            messages.get("counter.sent", t.sent()),
            messages.get("counter.completed", t.completed()),
            messages.get("counter.denied", t.denied()),
            messages.get("counter.rejected", t.rejected()),
            messages.get("counter.failed", t.failed()),
            messages.get("counter.timedOut", t.timedOut())};
        Color[] colors = {INK, INK, SERVED, DENIED, REJECTED, LOST, LOST};
        for (int i = 0; i < lines.length; i++) {
            g.setFill(colors[i]);
            g.fillText(lines[i], 10, 8 + i * 18);
        }
    }
}
