package org.lbsim.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A {@link Health}'s mark beside its word on an instance card, as tall as the card's text. */
final class StateMark extends Region {

    private final Canvas canvas = new Canvas();
    private Health health = Health.GOOD;

    StateMark() {
        getChildren().add(canvas);
        // In em, so that the mark grows with the type in presenter mode.
        setStyle("-fx-min-width: 1.1em; -fx-pref-width: 1.1em; -fx-max-width: 1.1em;"
                + " -fx-min-height: 1.1em; -fx-pref-height: 1.1em; -fx-max-height: 1.1em;");
    }

    void show(Health shown) {
        if (shown == health && canvas.getWidth() > 0) return;
        health = shown;
        draw();
    }

    Health health() {
        return health;
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        double size = Math.min(canvas.getWidth(), canvas.getHeight());
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (size > 0) health.mark.draw(g, canvas.getWidth() / 2, canvas.getHeight() / 2, size * 0.9, health.color);
    }
}
