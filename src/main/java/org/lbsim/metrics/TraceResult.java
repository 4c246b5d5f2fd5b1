package org.lbsim.metrics;

import java.util.List;

/**
 * What trace replay read: lines, the requests replayed from them, malformed lines skipped (with
 * the first few, so that a user can look), and lines stamped earlier than the second being
 * replayed, which replay at that second.
 */
public record TraceResult(long lines, long replayed, long skipped, long reordered, List<String> firstSkipped) {
    public TraceResult {
        firstSkipped = List.copyOf(firstSkipped);
    }
}
