package org.lbsim.ui;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Moving dots along the paths requests take, their density following the measured flow: a
 * picture that moves, not a still one. Purely visual: its randomness is not the model's.
 */
final class FlowAnimation {

    /** Wall seconds a dot takes to travel its path. */
    private static final double TRAVEL_SECONDS = 0.9;
    /** Dots per wall second are 6·√(requests per simulated second), capped, so trickles still show. */
    private static final double DENSITY = 6;
    private static final double MAX_DOTS_PER_SECOND = 70;

    /** A path, how its requests are drawn, and how many per simulated second travel it. */
    static final class Path {
        final Point2D[] points;
        final Color color;
        /** Its requests' shape: what they met is told by shape as well as colour. */
        final Mark mark;
        double flow;
        private double credit;

        Path(Color color, Mark mark, Point2D... points) {
            this.points = points;
            this.color = color;
            this.mark = mark;
        }

        /** Draws the path's line, in the context's stroke. */
        void stroke(GraphicsContext g) {
            for (int i = 0; i + 1 < points.length; i++) {
                g.strokeLine(points[i].getX(), points[i].getY(), points[i + 1].getX(), points[i + 1].getY());
            }
        }

        Point2D at(double progress) {
            double scaled = progress * (points.length - 1);
            int segment = Math.min((int) scaled, points.length - 2);
            double t = scaled - segment;
            return points[segment].interpolate(points[segment + 1], t);
        }
    }

    /**
     * Gives each server's two paths its rates of answered and of lost requests, and returns the
     * rate the balancer sent on to the servers in all.
     */
    static double serverFlows(FlowRates rates, List<Path> answered, List<Path> lost) {
        double admitted = 0;
        for (int i = 0; i < answered.size() && i < rates.completedByServer().length; i++) {
            answered.get(i).flow = rates.completedByServer()[i];
            lost.get(i).flow = rates.lostByServer()[i];
            admitted += rates.completedByServer()[i] + rates.lostByServer()[i];
        }
        return admitted;
    }

    private record Dot(Path path, double bornAt) {
    }

    private final Random random = new Random(1);
    private final List<Dot> dots = new ArrayList<>();
    private List<Path> paths = List.of();
    private double lastFrame = Double.NaN;

    void setPaths(List<Path> newPaths) {
        paths = newPaths;
        dots.clear();
    }

    /** Advances to wall time {@code now} (seconds), spawning dots at each path's rate. */
    void advance(double now) {
        double dt = Double.isNaN(lastFrame) ? 0 : Math.min(0.1, now - lastFrame);
        lastFrame = now;
        for (Path path : paths) {
            double perSecond = path.flow <= 0 ? 0 : Math.min(MAX_DOTS_PER_SECOND, DENSITY * Math.sqrt(path.flow));
            path.credit += perSecond * dt;
            while (path.credit >= 1) {
                path.credit -= 1;
                dots.add(new Dot(path, now - random.nextDouble() * dt));
            }
        }
        for (Iterator<Dot> it = dots.iterator(); it.hasNext(); ) {
            if (now - it.next().bornAt > TRAVEL_SECONDS) it.remove();
        }
    }

    /** Draws the dots, each {@code size} pixels across. */
    void draw(GraphicsContext g, double now, double size) {
        for (Dot dot : dots) {
            double progress = Math.max(0, Math.min(1, (now - dot.bornAt) / TRAVEL_SECONDS));
            Point2D p = dot.path.at(progress);
            dot.path.mark.draw(g, p.getX(), p.getY(), size, dot.path.color);
        }
    }
}
