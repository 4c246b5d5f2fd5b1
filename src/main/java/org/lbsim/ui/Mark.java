package org.lbsim.ui;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * The shapes that tell the window's states apart without their colours: a viewer who cannot tell
 * green from red still tells a dot from a cross. Drawn on the topology's canvas (the moving
 * requests, the counters) and on the instance cards ({@link StateMark}).
 */
enum Mark {
    /** Served, up, healthy. */
    CIRCLE,
    /** Denied by a security group. */
    SQUARE,
    /** Rejected by the balancer; slowed down. */
    TRIANGLE,
    /** Failed: lost to a failed instance, timed out, down, unhealthy. */
    CROSS,
    /** Not yet: booting. */
    RING,
    /** Gone: terminated. */
    DASH;

    /** Draws the mark centred on ({@code x}, {@code y}) within a square of side {@code size}. */
    void draw(GraphicsContext g, double x, double y, double size, Color color) {
        double r = size / 2;
        g.setFill(color);
        g.setStroke(color);
        switch (this) {
            case CIRCLE -> g.fillOval(x - r, y - r, size, size);
            case SQUARE -> g.fillRect(x - r * 0.85, y - r * 0.85, size * 0.85, size * 0.85);
            case TRIANGLE -> g.fillPolygon(new double[] {x - r, x + r, x}, new double[] {y + r * 0.9, y + r * 0.9, y - r}, 3);
            case CROSS -> {
                g.setLineWidth(Math.max(2, size * 0.28));
                g.setLineCap(StrokeLineCap.ROUND);
                double d = r * 0.8;
                g.strokeLine(x - d, y - d, x + d, y + d);
                g.strokeLine(x - d, y + d, x + d, y - d);
                g.setLineCap(StrokeLineCap.SQUARE);
            }
            case RING -> {
                g.setLineWidth(Math.max(1.5, size * 0.2));
                double inner = r - size * 0.1;
                g.strokeOval(x - inner, y - inner, 2 * inner, 2 * inner);
            }
            case DASH -> g.fillRect(x - r, y - size * 0.14, size, size * 0.28);
        }
    }
}
