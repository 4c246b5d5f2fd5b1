package org.lbsim.cluster;

import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.engine.RandomStreams;
import org.lbsim.metrics.TraceResult;

/**
 * Reads a client's trace through to its end as a run replays it, without running anything: the
 * same reader, strict or not, and the same rule for a line that can be sent, so that what
 * {@code lbsim validate} passes no run stops at. A run reads only as far as its duration
 * reaches; this reads every line.
 */
public final class TraceCheck {

    private TraceCheck() {
    }

    /**
     * @param client a client whose arrivals replay a trace
     * @return the lines read, those a run would replay however long it were, and those it would skip
     * @throws TraceReplayException where a run would stop: a malformed line when strict, a file
     *     that cannot be read, or a trace without a line to replay
     */
    public static TraceResult readThrough(ClientSpec client) {
        if (!(client.arrivals() instanceof ArrivalSpec.Trace spec)) {
            throw new IllegalArgumentException("client " + client.name() + " replays no trace");
        }
        // As TrafficSource does: the client's own service or mix gives the work a line does not log.
        boolean hasOwnService = client.service() != null || !client.mix().isEmpty();
        // The stream only spreads an access log's lines within their second, which no count depends on.
        TraceArrivals trace = new TraceArrivals(spec, new RandomStreams(0).stream("trace check"),
                hasOwnService ? request -> { } : null);
        long toReplay = 0;
        while (trace.next(0) < Double.POSITIVE_INFINITY) toReplay++;
        TraceResult read = trace.result();
        return new TraceResult(read.lines(), toReplay, read.skipped(), read.reordered(), read.firstSkipped());
    }
}
