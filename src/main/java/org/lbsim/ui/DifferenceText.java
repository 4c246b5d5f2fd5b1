package org.lbsim.ui;

import org.lbsim.experiment.PairedDifference;

/**
 * The comparison's headline: the difference that matters, stated for the algorithm that did
 * better ("least-connections: 3,767 fewer errors · least-connections: mean latency 558 ms
 * lower"), from the two sides' paired outcomes since the warm-up.
 */
final class DifferenceText {

    private DifferenceText() {
    }

    /** Before the warm-up has ended: when the difference will start. */
    static String waiting(Messages messages, double warmup) {
        return messages.get("compare.waiting", seconds(warmup));
    }

    static String describe(Messages messages, PairedDifference difference, double warmup) {
        String first = difference.first().algorithm();
        String second = difference.second().algorithm();
        long more = difference.moreFailedRequestsOnFirst();
        String errors = more == 0 ? messages.get("compare.sameErrors")
                : messages.get("compare.fewerErrors", more > 0 ? second : first, Math.abs(more));
        String errorsWinner = more > 0 ? second : more < 0 ? first : null;
        StringBuilder text = new StringBuilder(errors);
        double higherMillis = 1000 * difference.higherMeanLatencyOnFirst();
        if (Double.isFinite(higherMillis)) {
            long rounded = Math.round(Math.abs(higherMillis));
            String latencyWinner = higherMillis > 0 ? second : first;
            // The winner named once when it wins both: "least-connections: 1,540 fewer errors, mean latency 879 ms lower".
            text.append(rounded == 0 ? " · " + messages.get("compare.sameLatency")
                    : latencyWinner.equals(errorsWinner) ? ", " + messages.get("compare.lowerLatencyToo", rounded)
                    : " · " + messages.get("compare.lowerLatency", latencyWinner, rounded));
        }
        return text.append(' ').append(messages.get("compare.since", seconds(warmup))).toString();
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
