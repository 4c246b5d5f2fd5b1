package org.lbsim.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.experiment.ClosedForm;
import org.lbsim.experiment.LiveRun;
import org.lbsim.experiment.LiveTheory;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.TimeSeries;

/**
 * Theory beside the simulation: the closed form of the configuration running now (M/M/c,
 * join-the-shortest-queue, ...) next to the mean response time lbsim measures since that
 * configuration began, with its confidence interval; or the assumptions that keep any closed
 * form from applying. It follows the algorithm, the rate and the instances as they change live.
 */
final class TheoryPanel extends VBox {

    private static final double WIDTH = 270;

    private final LiveTheory theory;
    private final Messages messages;
    private final Label title = new Label();
    private final Label model = new Label();
    private final Label formula = new Label();
    private final Label predicted = new Label();
    private final Label measured = new Label();
    private final Label difference = new Label();
    private ClosedForm form;

    TheoryPanel(LiveRun run, Messages messages) {
        this.theory = new LiveTheory(run);
        this.messages = messages;
        setId("theory");
        setSpacing(6);
        setPadding(new Insets(8));
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setStyle("-fx-background-color: " + Palette.css(Palette.CANVAS) + "; -fx-border-color: " + Palette.css(Palette.ROUTE)
                + "; -fx-border-width: 0 0 0 1;");
        title.textProperty().bind(messages.text("theory.title"));
        title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        model.setId("theory-model");
        model.setStyle("-fx-font-weight: bold;");
        formula.setId("theory-formula");
        formula.setStyle("-fx-font-size: 11px; -fx-text-fill: " + Palette.css(Palette.INK) + ";");
        predicted.setId("theory-predicted");
        measured.setId("theory-measured");
        difference.setId("theory-difference");
        for (Label label : new Label[] {title, model, formula, predicted, measured, difference}) {
            label.setWrapText(true);
            label.setMaxWidth(WIDTH - 16);
        }
        getChildren().addAll(title, model, formula, predicted, measured, difference);
        messages.localeProperty().addListener((o, old, now) -> render());
    }

    /** A new snapshot: the configuration may have changed, and the rates are asked for again. */
    void show(ClusterSnapshot snapshot) {
        form = theory.update(snapshot);
        theory.refresh();
        render();
    }

    /** A chart interval: more requests for the measurement. */
    void add(TimeSeries.Interval interval) {
        theory.add(interval);
    }

    private void render() {
        if (form == null) return;
        Estimate estimate = theory.measured();
        if (form instanceof ClosedForm.Prediction p) {
            model.setText(p.model() + (p.exact() ? "" : " — " + messages.get("theory.limit")));
            formula.setText(p.formula());
            predicted.setText(messages.get("theory.predicted", milliseconds(p.responseTime())));
            difference.setText(Double.isNaN(estimate.mean()) ? ""
                    : messages.get("theory.difference", String.format(Locale.ROOT, "%+.1f%%",
                    100 * (estimate.mean() - p.responseTime()) / p.responseTime())));
        } else {
            model.setText(messages.get("theory.none"));
            formula.setText("• " + String.join("\n• ", ((ClosedForm.NoClosedForm) form).reasons()));
            predicted.setText("");
            difference.setText("");
        }
        String since = String.format(Locale.ROOT, "%.0f", theory.measuringFrom());
        if (Double.isNaN(estimate.mean())) {
            measured.setText(messages.get("theory.measuring", since));
        } else if (Double.isNaN(estimate.halfWidth95())) {
            measured.setText(messages.get("theory.measuredOnly", milliseconds(estimate.mean()), since,
                    Integer.toString(LiveTheory.MIN_BATCHES)));
        } else {
            measured.setText(messages.get("theory.measured", milliseconds(estimate.mean()),
                    milliseconds(estimate.halfWidth95()), Integer.toString(estimate.count()), since));
        }
    }

    private static String milliseconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }

    // For tests: what a person reads.
    String modelText() {
        return model.getText();
    }
}
