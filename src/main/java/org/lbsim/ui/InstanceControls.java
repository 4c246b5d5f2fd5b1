package org.lbsim.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.lbsim.cluster.ClusterControl;
import org.lbsim.cluster.ClusterSnapshot;

/**
 * The comparison's instance controls, one group per instance: Fail, Recover and the Break… menu
 * of the full window's cards, each sent to both sides at once, so that both see the same
 * failure at the same simulated time.
 */
final class InstanceControls extends FlowPane {

    private final Messages messages;
    private final Consumer<Consumer<ClusterControl>> control;
    private final Map<String, HBox> groups = new LinkedHashMap<>();
    private String selected;

    InstanceControls(Messages messages, Consumer<Consumer<ClusterControl>> control) {
        this.messages = messages;
        this.control = control;
        setHgap(18);
        setVgap(4);
        setPadding(new Insets(2, 6, 2, 6));
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.textProperty().bind(messages.text("compare.instances"));
        title.setMinWidth(USE_PREF_SIZE);
        getChildren().add(title);
    }

    /** Adds a group for every instance the snapshot has that has none yet (instances added live). */
    void show(ClusterSnapshot snapshot) {
        for (ClusterSnapshot.ServerState server : snapshot.servers()) {
            if (!groups.containsKey(server.name())) {
                HBox group = group(server.name());
                groups.put(server.name(), group);
                getChildren().add(group);
            }
        }
    }

    /** Selects the instance at {@code position} (1 for the first), framed as the selected card is in one run's view. */
    Optional<String> select(int position) {
        if (position < 1 || position > groups.size()) return Optional.empty();
        selected = new ArrayList<>(groups.keySet()).get(position - 1);
        groups.forEach((name, group) -> group.setStyle(name.equals(selected)
                ? "-fx-border-color: " + Palette.css(Palette.SELECTED) + "; -fx-border-width: 3; -fx-padding: 1 4 1 4;"
                : ""));
        return Optional.of(selected);
    }

    Optional<String> selected() {
        return Optional.ofNullable(selected);
    }

    private HBox group(String server) {
        Label name = new Label(server);
        name.setStyle("-fx-font-weight: bold;");
        name.setMinWidth(USE_PREF_SIZE);
        Button fail = button("fail-" + server, "server.fail", c -> c.fail(server));
        Button recover = button("recover-" + server, "server.recover", c -> c.recover(server));
        MenuButton more = new MenuButton();
        more.setId("more-" + server);
        more.setMinWidth(USE_PREF_SIZE);
        more.textProperty().bind(messages.text("server.more"));
        more.getItems().addAll(
                item("slow-" + server, "server.slow", c -> c.slow(server, ServerCard.SLOWDOWN_FACTOR)),
                item("black-hole-" + server, "server.blackHole", c -> c.blackHole(server)),
                item("cut-off-" + server, "server.cutOff", c -> c.cutOff(server)),
                item("remove-" + server, "server.remove", c -> c.removeServer(server)));
        HBox group = new HBox(4, name, fail, recover, more);
        group.setAlignment(Pos.CENTER_LEFT);
        return group;
    }

    private Button button(String id, String key, Consumer<ClusterControl> action) {
        Button button = new Button();
        button.setId(id);
        button.setMinWidth(USE_PREF_SIZE);
        button.textProperty().bind(messages.text(key));
        button.setOnAction(e -> control.accept(action));
        return button;
    }

    private MenuItem item(String id, String key, Consumer<ClusterControl> action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(messages.text(key));
        item.setOnAction(e -> control.accept(action));
        return item;
    }
}
