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
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;

/**
 * One instance on screen: busy workers, queue, and its two health states side by side — the
 * truth and what the balancer believes. The gap between them is the lesson. Each state shows
 * its word and a {@link Health} mark (a cross when down or unhealthy), never a colour alone.
 */
final class ServerCard extends VBox {

    private static final String STYLE = "-fx-background-color: white; -fx-border-color: %s; -fx-border-width: %s;"
            + " -fx-border-radius: 6; -fx-background-radius: 6;";
    /** "Slow down" multiplies the instance's speed by this: a noisy neighbour. */
    static final double SLOWDOWN_FACTOR = 0.25;

    private final String server;
    private final Messages messages;
    private final Label workers = new Label();
    private final ProgressBar busyBar = new ProgressBar(0);
    private final Label queue = new Label();
    private final ProgressBar queueBar = new ProgressBar(0);
    private final StateMark truthMark = new StateMark();
    private final Label truth = new Label();
    private final StateMark beliefMark = new StateMark();
    private final Label belief = new Label();
    /** The number key that selects it, shown before its name. */
    private final Label key = new Label();
    private boolean selected;
    private final int queueScale;

    ServerCard(String server, int queueCapacity, Messages messages, Consumer<Consumer<ClusterControl>> control) {
        this.server = server;
        this.messages = messages;
        this.queueScale = queueCapacity == Integer.MAX_VALUE ? 100 : Math.max(1, queueCapacity);
        setId("server-" + server);
        getStyleClass().add("server-card");
        setSpacing(2);
        setPadding(new Insets(4, 8, 4, 8));
        setSelected(false);

        Label name = new Label(server);
        name.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
        key.setId("key-" + server);
        key.setVisible(false);
        key.setMinWidth(USE_PREF_SIZE);
        HBox title = new HBox(6, key, name);
        title.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        busyBar.setMaxWidth(Double.MAX_VALUE);
        queueBar.setMaxWidth(Double.MAX_VALUE);
        busyBar.setStyle("-fx-accent: " + Palette.css(Palette.BUSY) + ";");
        queueBar.setStyle("-fx-accent: " + Palette.css(Palette.QUEUE) + ";");
        truth.setId("truth-" + server);
        belief.setId("belief-" + server);
        truthMark.setId("truth-mark-" + server);
        beliefMark.setId("belief-mark-" + server);
        Label truthTitle = new Label();
        truthTitle.textProperty().bind(messages.text("server.truth"));
        Label beliefTitle = new Label();
        beliefTitle.textProperty().bind(messages.text("server.belief"));
        truthTitle.setStyle("-fx-min-width: 9em;");
        beliefTitle.setStyle("-fx-min-width: 9em;");
        HBox truthRow = new HBox(6, truthTitle, truthMark, truth);
        HBox beliefRow = new HBox(6, beliefTitle, beliefMark, belief);
        truthRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        beliefRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

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

        // Each figure on one row with its bar: the card stays short enough for two to stand one
        // above the other in presenter mode's large type at 1280×720.
        getChildren().addAll(title, figures(), truthRow, beliefRow, buttons);
    }

    /** Busy workers and queue, each beside its bar, the bars one above the other. */
    private javafx.scene.layout.GridPane figures() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        grid.addRow(0, workers, busyBar);
        grid.addRow(1, queue, queueBar);
        workers.setStyle("-fx-min-width: 9em;");
        busyBar.setMinWidth(40);
        queueBar.setMinWidth(40);
        javafx.scene.layout.ColumnConstraints bars = new javafx.scene.layout.ColumnConstraints();
        bars.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), bars);
        return grid;
    }

    /** Its place among the cards, 1 for the first: the number key that selects it, when there is one. */
    void setPosition(int position) {
        key.setVisible(position <= TopologyView.SELECTABLE);
        key.setText(String.valueOf(position));
        styleKey();
    }

    /**
     * Marks it as the instance the keys F and U act on: a thick blue frame and its key shown
     * inverted, so that the selection reads without the colour too.
     */
    void setSelected(boolean isSelected) {
        selected = isSelected;
        setStyle(String.format(STYLE, Palette.css(isSelected ? Palette.SELECTED : Palette.CARD_BORDER), isSelected ? "4" : "1"));
        styleKey();
    }

    boolean isSelected() {
        return selected;
    }

    private void styleKey() {
        String ink = Palette.css(selected ? Color.WHITE : Palette.INK);
        String paper = Palette.css(selected ? Palette.SELECTED : Color.WHITE);
        key.setStyle("-fx-font-weight: bold; -fx-padding: 0 0.35em 0 0.35em; -fx-border-radius: 3; -fx-background-radius: 3;"
                + " -fx-border-color: " + Palette.css(Palette.INK) + "; -fx-text-fill: " + ink + "; -fx-background-color: " + paper + ";");
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
        truthMark.show(Health.ofCondition(state.condition()));
        truth.setText(messages.get("state." + state.condition()));
        beliefMark.show(Health.ofBelief(state.healthyAtBalancer()));
        belief.setText(messages.get(state.healthyAtBalancer() ? "state.healthy" : "state.unhealthy"));
    }
}
