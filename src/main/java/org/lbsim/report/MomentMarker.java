package org.lbsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.EnumMap;
import java.util.Map;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.lbsim.metrics.Moment;

/**
 * One moment on a chart's time axis: a vertical line in its kind's colour and dash pattern, so
 * that colour is never the only cue (crash and other impairments solid, marked down long dashes,
 * marked up short dashes, recovered dash-dot, added and removed dotted, configuration changes
 * dash-dot-dot), with its label at the top, right of the line (left near the plot's right
 * edge), in the row {@link TimePlot} gives it so that labels close in time do not overlap.
 *
 * <p>The placement is plain state read when the marker is drawn, not a marker property whose
 * change would redraw the chart from within its own drawing.
 */
public final class MomentMarker extends ValueMarker {

    private static final long serialVersionUID = 1L;

    /** Pixels between the line and its label, and around the label's text. */
    static final double LABEL_GAP = 4;
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 215);
    private static final Map<Moment.Kind, Style> STYLES = styles();

    private final Moment moment;
    private final String text;
    private final boolean labelled;
    private transient int row;
    private transient double rowHeight;
    private transient boolean onTheLeft;
    private transient boolean labelShown = true;

    /** @param labelled whether it carries its label here (on a combined chart, only the top plot's markers do) */
    MomentMarker(Moment moment, String text, Font font, boolean labelled) {
        super(moment.time());
        Style style = STYLES.get(moment.kind());
        this.moment = moment;
        this.text = text;
        this.labelled = labelled;
        setPaint(style.colour());
        setStroke(style.stroke());
        setAlpha(0.9f);
        setLabel(labelled ? text : null);
        setLabelFont(font);
        setLabelPaint(Color.BLACK);
        setLabelBackgroundColor(LABEL_BACKGROUND);
    }

    public Moment moment() {
        return moment;
    }

    /** Its label's text, whether or not it is drawn. */
    public String text() {
        return text;
    }

    /** Whether it has a label here (not whether the last drawing had room for it). */
    public boolean labelled() {
        return labelled;
    }

    /** Whether the last drawing showed its label: false when no row had room for it. */
    public boolean labelShown() {
        return labelled && labelShown;
    }

    /** The label's row from the top (0 first) in the last drawing. */
    public int row() {
        return row;
    }

    /** Where the next drawing puts its label: a row, on which side of the line. */
    void place(int newRow, double newRowHeight, boolean left) {
        row = newRow;
        rowHeight = newRowHeight;
        onTheLeft = left;
        labelShown = true;
    }

    /** The next drawing shows the line only. */
    void hideLabel() {
        labelShown = false;
    }

    @Override
    public String getLabel() {
        return labelShown() ? text : null;
    }

    @Override
    public RectangleInsets getLabelOffset() {
        return new RectangleInsets(3 + row * rowHeight, LABEL_GAP, 3, LABEL_GAP);
    }

    @Override
    public RectangleAnchor getLabelAnchor() {
        return onTheLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT;
    }

    @Override
    public TextAnchor getLabelTextAnchor() {
        return onTheLeft ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    private record Style(Color colour, Stroke stroke) {
    }

    private static Map<Moment.Kind, Style> styles() {
        Style impaired = new Style(Charts.PALETTE[1], stroke(2.5f));
        Style down = new Style(Charts.PALETTE[3], stroke(2.5f, 12, 5));
        Style up = new Style(Charts.PALETTE[2], stroke(2.5f, 4, 4));
        Style configuration = new Style(Charts.PALETTE[6], stroke(1.5f, 12, 4, 2, 4, 2, 4));
        Map<Moment.Kind, Style> styles = new EnumMap<>(Moment.Kind.class);
        for (Moment.Kind kind : Moment.Kind.values()) {
            styles.put(kind, switch (kind) {
                case FAILED, SLOWED, BLACK_HOLED, CUT_OFF -> impaired;
                case RECOVERED -> new Style(Charts.PALETTE[0], stroke(2.5f, 10, 4, 2, 4));
                case MARKED_DOWN, EJECTED -> down;
                case MARKED_UP, RETURNED -> up;
                case ADDED -> new Style(Charts.PALETTE[5], stroke(3f, 1, 5));
                case REMOVED -> new Style(Charts.PALETTE[4], stroke(3f, 1, 5));
                case RULES_CHANGED, ALGORITHM_CHANGED, RATE_CHANGED, WEIGHT_CHANGED -> configuration;
            });
        }
        return styles;
    }

    /** A line of that width, dashed by the pattern (on, off, on, off... in pixels), solid without one. */
    private static Stroke stroke(float width, float... dashes) {
        if (dashes.length == 0) return new BasicStroke(width);
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, dashes, 0);
    }
}
