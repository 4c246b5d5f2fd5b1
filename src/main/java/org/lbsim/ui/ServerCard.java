package org.lbsim.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;

/**
 * One instance on screen: busy workers, queue, and its two health states side by side — the
 * truth and what the balancer believes. The gap between them is the lesson.
 */
final class ServerCard extends VBox {

    private static final Color GOOD = Color.web("#009E73");
    private static final Color BAD = Color.web("#D55E00");
    private static final Color DEGRADED = Color.web("#E69F00");
    /** "Slow down" multiplies the instance's speed by this: a noisy neighbour. */
    static final double SLOWDOWN_FACTOR = 0.25;

    private final String server;
    private final Messages messages;
    private final Label workers = new Label();
    private final ProgressBar busyBar = new ProgressBar(0);
    private final Label queue = new Label();
    private final ProgressBar queueBar = new ProgressBar(0);
    private final Circle truthDot = new Circle(7);
    private final Label truth = new Label();
    private final Circle beliefDot = new Circle(7);
    private final Label belief = new Label();
    private final int queueScale;

    ServerCard(String server, int queueCapacity, Messages messages, Consumer<Consumer<ClusterControl>> control) {
        this.server = server;
        this.messages = messages;
        this.queueScale = queueCapacity == Integer.MAX_VALUE ? 100 : Math.max(1, queueCapacity);
        setId("server-" + server);
        getStyleClass().add("server-card");
        setSpacing(3);
        setPadding(new Insets(6, 8, 6, 8));
        setStyle("-fx-background-color: white; -fx-border-color: #555; -fx-border-radius: 6; -fx-background-radius: 6;");

        Label name = new Label(server);
        name.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        busyBar.setMaxWidth(Double.MAX_VALUE);
        queueBar.setMaxWidth(Double.MAX_VALUE);
        queueBar.setStyle("-fx-accent: #E69F00;");
        truth.setId("truth-" + server);
        belief.setId("belief-" + server);
        Label truthTitle = new Label();
        truthTitle.textProperty().bind(messages.text("server.truth"));
        Label beliefTitle = new Label();
        beliefTitle.textProperty().bind(messages.text("server.belief"));
        truthTitle.setMinWidth(120);
        beliefTitle.setMinWidth(120);
        HBox truthRow = new HBox(6, truthTitle, truthDot, truth);
        HBox beliefRow = new HBox(6, beliefTitle, beliefDot, belief);

        Button fail = new Button();
        fail.setId("fail-" + server);
        fail.textProperty().bind(messages.text("server.fail"));
        fail.setOnAction(e -> control.accept(c -> c.fail(server)));
        Button recover = new Button();
        recover.setId("recover-" + server);
        recover.textProperty().bind(messages.text("server.recover"));
        recover.setOnAction(e -> control.accept(c -> c.recover(server)));
        MenuButton more = new MenuButton();
        more.setId("more-" + server);
        more.textProperty().bind(messages.text("server.more"));
        more.getItems().addAll(
                item("slow-" + server, "server.slow", () -> control.accept(c -> c.slow(server, SLOWDOWN_FACTOR))),
                item("black-hole-" + server, "server.blackHole", () -> control.accept(c -> c.blackHole(server))),
                item("cut-off-" + server, "server.cutOff", () -> control.accept(c -> c.cutOff(server))),
                item("remove-" + server, "server.remove", () -> control.accept(c -> c.removeServer(server))));
        HBox buttons = new HBox(6, fail, recover, more);

        getChildren().addAll(name, workers, busyBar, queue, queueBar, truthRow, beliefRow, buttons);
    }

    private MenuItem item(String id, String key, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(messages.text(key));
        item.setOnAction(e -> action.run());
        return item;
    }

    String server() {
        return server;
    }

    void show(ClusterSnapshot.ServerState state) {
        workers.setText(messages.get("server.workers", state.busy(), state.workers()));
        busyBar.setProgress((double) state.busy() / state.workers());
        queue.setText(messages.get("server.queue", state.queued()));
        queueBar.setProgress(Math.min(1, (double) state.queued() / queueScale));
        truthDot.setFill(state.up() ? GOOD : "slowdown".equals(state.condition()) ? DEGRADED : BAD);
        truth.setText(messages.get("state." + state.condition()));
        beliefDot.setFill(state.healthyAtBalancer() ? GOOD : BAD);
        belief.setText(messages.get(state.healthyAtBalancer() ? "state.healthy" : "state.unhealthy"));
    }
}
