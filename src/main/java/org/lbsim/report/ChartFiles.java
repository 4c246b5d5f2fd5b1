package org.lbsim.report;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart to a PNG or SVG file, chosen by the file's extension, with no display needed.
 * SVG goes through JFreeSVG's Graphics2D, so it is the very drawing the PNG is.
 */
public final class ChartFiles {

    /** 16:9 at a size that stays sharp on a projector. */
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 900;

    private static final String SVG_DOCTYPE = "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
            + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n";

    static {
        // Before AWT first asks: files need no display, and a headless JVM never looks for one.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /** Whether lbsim can write a chart to this file: a name ending in .png or .svg. */
    public static boolean supports(Path file) {
        if (file.getFileName() == null) return false; // a root, such as /
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    /**
     * Draws the chart to the file, replacing it; creates no folder.
     *
     * @throws OutputFiles.WriteFailure saying which file could not be written and why
     */
    public static void write(JFreeChart chart, Path file, int width, int height) throws OutputFiles.WriteFailure {
        if (!supports(file)) throw new IllegalArgumentException("a chart file must end in .png or .svg: " + file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            OutputFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        } else {
            SVGGraphics2D graphics = new SVGGraphics2D(width, height);
            chart.draw(graphics, new Rectangle(0, 0, width, height));
            // What SVGUtils.writeToSVG writes, which opens the file itself and wraps its failures.
            OutputFiles.write(file, SVG_DOCTYPE + graphics.getSVGElement() + "\n");
        }
    }
}
