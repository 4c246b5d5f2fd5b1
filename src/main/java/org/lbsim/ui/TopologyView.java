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
 * along the arrows: green dots when served, vermilion squares where a security group denies
 * them, orange triangles when rejected, black crosses when lost to a failed instance. The
 * counters at the top left, with the same marks, are the legend.
 */
final class TopologyView extends Pane {

    private static final Color SERVED = Palette.SERVED;
    private static final Color DENIED = Palette.DENIED;
    private static final Color REJECTED = Palette.REJECTED;
    private static final Color LOST = Palette.LOST;
    private static final Color INK = Palette.INK;
    /** The moving requests' size, in pixels at the normal type size. */
    private static final double DOT = 9;
    /** The counters' type size and line height at the normal type size. */
    private static final double COUNTER_FONT = 14;
    private static final double COUNTER_LINE = 19;
    /** Above, below and between the instance cards, in pixels. */
    private static final double CARD_MARGIN = 6;
    /** The most instances the number keys reach. */
    static final int SELECTABLE = 9;

    private final Canvas canvas = new Canvas();
    private final Messages messages;
    private final Scenario scenario;
    private final Map<String, ServerCard> cards = new LinkedHashMap<>();
    private final Consumer<Consumer<ClusterControl>> control;
    private final FlowAnimation flow = new FlowAnimation();
    private final String balancerGroup;
    private final String serverGroups;
    private final boolean directAttempts;
    /** Grows the canvas' type and shapes with the window's (presenter mode). */
    private final TypeScale type;
    private String selected;
    /** The wall time of the last frame drawn, to draw again between frames (a new language). */
    private double lastRedraw;
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
            card.setPosition(cards.size());
            getChildren().add(card);
        }
        setMinSize(700, 300);
        messages.localeProperty().addListener((o, a, b) -> redraw(lastRedraw));
        // A click on the picture takes the focus from the rate field, so that the keys work again.
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        type = TypeScale.of(this);
        type.onChange(() -> {
            pathGeometry = "";
            requestLayout();
        });
    }

    /**
     * Selects the instance at {@code position} (1 for the first card), as the number keys do,
     * and returns its name; empty, and the selection unchanged, when there is no such instance.
     */
    java.util.Optional<String> select(int position) {
        if (position < 1 || position > Math.min(SELECTABLE, cards.size())) return java.util.Optional.empty();
        selected = new ArrayList<>(cards.keySet()).get(position - 1);
        cards.forEach((name, card) -> card.setSelected(name.equals(selected)));
        return java.util.Optional.of(selected);
    }

    /** The selected instance's name, if one is. */
    java.util.Optional<String> selected() {
        return java.util.Optional.ofNullable(selected);
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
        double s = type.factor();
        double cardWidth = Math.min(330 * s, w * 0.3);
        double cardX = w - cardWidth - 10;
        int n = cards.size();
        double slot = (h - CARD_MARGIN) / Math.max(1, n);
        int i = 0;
        for (ServerCard card : cards.values()) {
            double cardHeight = Math.min(slot - CARD_MARGIN, card.prefHeight(cardWidth));
            card.resizeRelocate(cardX, CARD_MARGIN + i * slot + (slot - CARD_MARGIN - cardHeight) / 2, cardWidth, cardHeight);
            i++;
        }
        String geometry = w + "x" + h + "@" + cardX + "×" + s;
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

    /**
     * Where the internet clients' box sits: level with the balancer, or lower when the counters
     * above it need the room (large type on a short window).
     */
    private double internetY(double h) {
        double s = type.factor();
        double countersBottom = 8 + COUNTER_LINE * s * 7;
        return Math.min(Math.max(h / 2, countersBottom + 10 + 45 * s), h - 45 * s - 4);
    }

    private void buildPaths(double w, double h, double cardX) {
        double mid = h / 2;
        double s = type.factor();
        Point2D internet = new Point2D(internetX(w) + 40 * s, internetY(h));
        Point2D lbShield = new Point2D(lbShieldX(w), mid);
        Point2D balancer = new Point2D(balancerX(w), mid);
        Point2D serverShield = new Point2D(serverShieldX(w), mid);
        inbound = new FlowAnimation.Path(SERVED, Mark.CIRCLE, internet, lbShield, balancer);
        deniedAtBalancer = new FlowAnimation.Path(DENIED, Mark.SQUARE, internet.add(0, -14 * s), lbShield.add(0, -14 * s));
        rejectedAtBalancer = new FlowAnimation.Path(REJECTED, Mark.TRIANGLE, balancer, balancer.add(0, 80 * s));
        deniedAtServers = new FlowAnimation.Path(DENIED, Mark.SQUARE, internet.add(0, 30 * s), new Point2D(lbShieldX(w), h - 25),
                new Point2D(serverShieldX(w), h - 25), serverShield.add(0, 40 * s));
        toServers.clear();
        lostAtServers.clear();
        for (ServerCard card : cards.values()) {
            Point2D target = new Point2D(cardX, card.getLayoutY() + card.getHeight() / 2);
            Point2D atShield = new Point2D(serverShieldX(w), (mid + target.getY()) / 2);
            toServers.add(new FlowAnimation.Path(SERVED, Mark.CIRCLE, balancer, atShield, target));
            lostAtServers.add(new FlowAnimation.Path(LOST, Mark.CROSS, balancer, atShield, target.add(-4, 12)));
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
        card.setPosition(cards.size());
        getChildren().add(card);
        pathGeometry = "";
        requestLayout();
        return card;
    }

    private void applyFlows() {
        if (rates == null || inbound == null) return;
        inbound.flow = FlowAnimation.serverFlows(rates, toServers, lostAtServers) + rates.rejected();
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
        lastRedraw = wallSeconds;
        flow.advance(wallSeconds);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Palette.CANVAS);
        g.fillRect(0, 0, w, h);
        if (inbound == null) return;
        double s = type.factor();
        g.setStroke(Palette.ROUTE);
        g.setLineWidth(2);
        inbound.stroke(g);
        toServers.forEach(p -> p.stroke(g));
        if (directAttempts) {
            g.setLineDashes(6, 6);
            deniedAtServers.stroke(g);
            g.setLineDashes(null);
        }
        flow.draw(g, wallSeconds, DOT * s); // under the boxes, so labels stay readable
        double mid = h / 2;
        double internetY = internetY(h);
        LabelledBox.draw(g, internetX(w) - 50 * s, internetY - 45 * s, 90 * s, 90 * s, 14, 14 * s, messages.get("topology.internet"),
                Palette.tint(Palette.SKY_BLUE, 0.25));
        shield(g, lbShieldX(w), h, s, balancerGroup, DENIED);
        String algorithm = snapshot == null ? scenario.balancer().algorithm() : snapshot.algorithm();
        LabelledBox.draw(g, balancerX(w) - 60 * s, mid - 40 * s, 120 * s, 80 * s, 14, 14 * s,
                messages.get("topology.balancer") + "\n" + algorithm,
                Palette.tint(Palette.ORANGE, 0.2));
        shield(g, serverShieldX(w), h, s, serverGroups.isEmpty() ? null : serverGroups, DENIED);
        counters(g, s);
    }



    private void shield(GraphicsContext g, double x, double h, double s, String group, Color color) {
        double top = 8 + 17 * s;
        g.setFill(group == null ? Palette.NO_GROUP : Palette.tint(color, 0.18));
        g.fillRoundRect(x - 12, top, 24, h - 2 * top, 10, 10);
        g.setStroke(group == null ? Palette.NEUTRAL : color);
        g.setLineWidth(2);
        g.strokeRoundRect(x - 12, top, 24, h - 2 * top, 10, 10);
        g.setFill(INK);
        g.setFont(Font.font("System", FontWeight.NORMAL, 13 * s));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String label = group == null ? "—" : group;
        g.fillText(label, x, top - 4);
        g.setTextBaseline(VPos.TOP);
        g.fillText(messages.get("topology.sg"), x, h - top + 4);
    }

    /** The totals since time 0, each error kind with the mark its requests are drawn with: the flows' legend. */
    private void counters(GraphicsContext g, double s) {
        if (snapshot == null) return;
        var t = snapshot.totals();
        g.setFont(Font.font("System", FontWeight.NORMAL, COUNTER_FONT * s));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String[] lines = {
            messages.get("counter.time", String.format("%.1f s", snapshot.time())),
            messages.get("counter.sent", t.sent()),
            messages.get("counter.completed", t.completed()),
            messages.get("counter.denied", t.denied()),
            messages.get("counter.rejected", t.rejected()),
            messages.get("counter.failed", t.failed()),
            messages.get("counter.timedOut", t.timedOut())};
        Color[] colors = {null, null, SERVED, DENIED, REJECTED, LOST, LOST};
        Mark[] marks = {null, null, Mark.CIRCLE, Mark.SQUARE, Mark.TRIANGLE, Mark.CROSS, Mark.CROSS};
        double line = COUNTER_LINE * s;
        for (int i = 0; i < lines.length; i++) {
            double y = 8 + i * line + line / 2;
            if (marks[i] != null) marks[i].draw(g, 10 + line / 2, y, DOT * s * 1.1, colors[i]);
            g.setFill(INK); // the words in ink: orange and purple text would be too faint to read
            g.fillText(lines[i], 10 + line * 1.2, y);
        }
    }
}
