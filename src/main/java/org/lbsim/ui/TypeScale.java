package org.lbsim.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;

/**
 * How much larger than normal the window's type is where a node sits: the size of the font that
 * node's labels inherit (the scene root's, which {@link PresenterMode} enlarges) over JavaFX's
 * default. What CSS cannot reach — text drawn on a canvas, JFreeChart's fonts — follows it.
 * It reads the inherited size from a label of its own, unseen and outside the layout.
 */
final class TypeScale {

    private final Label ruler;
    private final double normal = Font.getDefault().getSize();

    private TypeScale(Label ruler) {
        this.ruler = ruler;
    }

    /** The type scale where {@code host} sits. */
    static TypeScale of(Pane host) {
        Label ruler = new Label();
        ruler.setManaged(false);
        ruler.setOpacity(0);
        ruler.setMouseTransparent(true);
        ruler.setFocusTraversable(false);
        host.getChildren().add(ruler);
        return new TypeScale(ruler);
    }

    /** 1 at the normal size, larger in presenter mode. */
    double factor() {
        return ruler.getFont().getSize() / normal;
    }

    /** Runs {@code action} whenever the type scale changes. */
    void onChange(Runnable action) {
        // On the ruler itself, which its host holds: a listener on a binding of it could be collected.
        ruler.fontProperty().addListener((o, old, now) -> action.run());
    }
}
