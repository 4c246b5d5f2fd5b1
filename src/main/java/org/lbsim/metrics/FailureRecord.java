package org.lbsim.metrics;

/**
 * One outage of one server.
 *
 * @param at                   when it went down (seconds)
 * @param detectedAfterSeconds from going down to the balancer marking it down; NaN if never
 * @param recoveredAt          when it came back up; NaN if it did not within the run
 * @param lost                 requests it lost: those it held, and those sent to it while down
 */
public record FailureRecord(String server, String kind, double at, double detectedAfterSeconds, double recoveredAt, long lost) {
}
