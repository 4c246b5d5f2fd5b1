package org.lbsim.metrics;

import java.util.List;

/**
 * What the workload keys add to a run's results: latency per request class (empty unless a
 * client sends a mix), sticky sessions (null unless the balancer is sticky) and trace replay
 * (null unless a client replays a trace).
 */
public record WorkloadResult(List<ClassResult> classes, SessionResult sessions, TraceResult trace) {

    public static final WorkloadResult NONE = new WorkloadResult(List.of(), null, null);

    public WorkloadResult {
        classes = List.copyOf(classes);
    }
}
