package org.lbsim.ui;

import javafx.scene.paint.Color;

/**
 * How an instance card shows a state, by colour and by shape, beside the state's word: what the
 * instance is (its condition) and what the balancer believes.
 */
enum Health {
    GOOD(Palette.GOOD, Mark.CIRCLE),
    DEGRADED(Palette.DEGRADED, Mark.TRIANGLE),
    WAITING(Palette.WAITING, Mark.RING),
    FAILED(Palette.BAD, Mark.CROSS),
    GONE(Palette.NEUTRAL, Mark.DASH);

    final Color color;
    final Mark mark;

    Health(Color color, Mark mark) {
        this.color = color;
        this.mark = mark;
    }

    /** An instance's condition as the snapshot names it: up, slowdown, booting, terminated, or a failure. */
    static Health ofCondition(String condition) {
        return switch (condition) {
            case "up" -> GOOD;
            case "slowdown" -> DEGRADED;
            case "booting" -> WAITING;
            case "terminated" -> GONE;
            default -> FAILED; // crash, unreachable, black-hole
        };
    }

    /** The balancer's verdict: it sends the instance requests, or it does not. */
    static Health ofBelief(boolean healthyAtBalancer) {
        return healthyAtBalancer ? GOOD : FAILED;
    }
}
