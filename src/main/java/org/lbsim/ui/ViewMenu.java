package org.lbsim.ui;

import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;

/**
 * The View menu's comparison items: "Compare with ▸ ALGORITHM" puts the running algorithm side
 * by side with another on the same requests; "One run" goes back to the single view.
 */
final class ViewMenu {

    private ViewMenu() {
    }

    /**
     * Adds the comparison's items to the window's View menu.
     *
     * @param compareWith called with the algorithm chosen for the second side
     * @param single      called to go back to one run
     */
    static void addTo(Menu view, Messages messages, Consumer<String> compareWith, Runnable single) {
        Menu with = new Menu();
        with.setId("compare-with");
        with.textProperty().bind(messages.text("view.compareWith"));
        for (AlgorithmInfo info : Algorithms.standard().all()) {
            MenuItem algorithm = new MenuItem(info.name());
            algorithm.setId("compare-with-" + info.name());
            algorithm.setOnAction(e -> compareWith.accept(info.name()));
            with.getItems().add(algorithm);
        }
        MenuItem one = new MenuItem();
        one.setId("view-single");
        one.textProperty().bind(messages.text("view.single"));
        one.setOnAction(e -> single.run());
        view.getItems().addAll(with, one);
    }
}
