package org.lbsim.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** A rounded box with its name in bold in the middle: the internet and the balancer in a topology. */
final class LabelledBox {

    private LabelledBox() {
    }

    static void draw(GraphicsContext g, double x, double y, double w, double h, double corner, double fontSize, String text,
                     Color fill) {
        g.setFill(fill);
        g.fillRoundRect(x, y, w, h, corner, corner);
        g.setStroke(Palette.INK);
        g.setLineWidth(1.5);
        g.strokeRoundRect(x, y, w, h, corner, corner);
        g.setFill(Palette.INK);
        g.setFont(Font.font("System", FontWeight.BOLD, fontSize));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + w / 2, y + h / 2, w - 8);
    }
}
