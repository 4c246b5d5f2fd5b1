package org.lbsim.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A moment that explains a run's curves: an instance failed or recovered, the balancer marked
 * it down or up, an instance was added or removed, a security group's rules, the algorithm, a
 * rate or a weight changed. Charts draw each as a labelled vertical line at its time.
 *
 * @param time    simulated seconds from the start of the run (warm-up included)
 * @param subject what it happened to: a server, a security group, a client, or the algorithm's name
 * @param detail  what the label adds to the subject ("×0.25", "300/s", a weight), or empty
 */
public record Moment(double time, Kind kind, String subject, String detail) {

    public Moment {
        if (kind == null || subject == null || detail == null) throw new NullPointerException("kind, subject and detail are required");
    }

    /** What happened; each kind has its English label pattern ({@code %1$s} the subject, {@code %2$s} the detail). */
    public enum Kind {
        /** A crash (fail-stop). */
        FAILED("%1$s failed"),
        /** A slowdown; the detail is the speed factor. */
        SLOWED("%1$s slow %2$s"),
        /** Errors answered at once, a gray failure when health checks still pass. */
        BLACK_HOLED("%1$s black hole"),
        /** Cut off by the network: connections time out. */
        CUT_OFF("%1$s cut off"),
        /** Its last impairment ended; the balancer still has to see it pass its checks. */
        RECOVERED("%1$s recovered"),
        /** The health checks marked it unhealthy. */
        MARKED_DOWN("%1$s down"),
        /** The health checks marked it healthy. */
        MARKED_UP("%1$s up"),
        /** A passive check took it out: outlier detection ejected it, or {@code maxFails} held it back. */
        EJECTED("%1$s ejected"),
        /** The passive check's time out ended. */
        RETURNED("%1$s back"),
        /** An instance launched, by the timeline, a click or the autoscaler. */
        ADDED("+%1$s"),
        /** An instance deregistered: it drains, then terminates. */
        REMOVED("−%1$s"),
        /** A security group's inbound rules were replaced. */
        RULES_CHANGED("SG %1$s changed"),
        /** The balancer switched algorithm; the subject is the new one. */
        ALGORITHM_CHANGED("→ %1$s"),
        /** A client population's rate changed; the detail is the new rate. */
        RATE_CHANGED("%1$s %2$s"),
        /** A server's weight at the balancer changed; the detail is the new weight. */
        WEIGHT_CHANGED("%1$s weight %2$s");

        private final String pattern;

        Kind(String pattern) {
            this.pattern = pattern;
        }

        /** The English label pattern, {@code %1$s} the subject and {@code %2$s} the detail. */
        public String pattern() {
            return pattern;
        }

        /** Whether this kind is an impairment beginning: a crash, slowdown, black hole or cut-off. */
        public boolean impairs() {
            return this == FAILED || this == SLOWED || this == BLACK_HOLED || this == CUT_OFF;
        }
    }

    /** The short label a chart shows, such as "web-1 failed", "web-1 down", "+web-3" or "users 300/s". */
    public String label() {
        return String.format(Locale.ROOT, kind.pattern(), subject, detail).strip();
    }

    /** A rate as a label shows it: "300/s", "12.5/s". */
    public static String rate(double perSecond) {
        return number(perSecond) + "/s";
    }

    /** A speed factor as a label shows it: "×0.25". */
    public static String factor(double factor) {
        return "×" + number(factor);
    }

    /** Four significant digits at most, no trailing zeros, never an exponent. */
    private static String number(double value) {
        if (!Double.isFinite(value)) return Double.toString(value);
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
