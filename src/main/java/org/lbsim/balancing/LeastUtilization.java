package org.lbsim.balancing;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * "Send each user to the most free instance" as a real system can do it: every instance reports
 * its utilization (the busy fraction of its workers over the last interval, as a monitoring
 * agent or CloudWatch would) every {@code reportInterval}, and the balancer sends each request to
 * the usable backend with the lowest last report. Between reports the information is stale:
 * every request goes to the backend that looked freest, which fills up while the balancer cannot
 * see it — the herd effect (Mitzenmacher, "How useful is old information?", IEEE TPDS 2000;
 * Dahlin, "Interpreting stale load information", 2000). Backends that have not reported yet count
 * as 0. Weights do not apply (utilization already accounts for capacity). Ties between equal
 * reports (often exactly 0 or 1) are broken at random: each report carries a fresh random
 * secondary key, far below any real difference in utilization. Breaking them by the age of the
 * report would favour whichever backend happens to report after a long gap.
 *
 * <p>A retry takes the lowest report among the others (the heap's minimum or one of its two
 * children). Slow start does not apply: an instance's own report already says how busy it is.
 *
 * <p>Parameter {@code reportInterval} (default 1s). Cost: O(1) per decision, O(log n) per report,
 * with an {@link IndexedHeap} of the last reports.
 */
final class LeastUtilization implements BalancingAlgorithm {

    static final Parameter REPORT_INTERVAL = Parameter.positiveDuration("reportInterval", "1s", 1,
            "how often each instance reports its utilization to the balancer");

    private final UniformRandomProvider random;
    private final double reportInterval;
    /** The last report of each backend, by id, kept while a backend is not usable. */
    private double[] reports = new double[0];
    private Members members = Members.none();
    private IndexedHeap heap;
    /** Scale of the random secondary key: below any utilization difference that matters. */
    private static final double TIE_BREAK = 1e-9;

    LeastUtilization(AlgorithmContext context) {
        this.random = context.random();
        this.reportInterval = context.value(REPORT_INTERVAL);
        this.heap = new IndexedHeap(0, random);
    }

    @Override
    public double loadReportInterval() {
        return reportInterval;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        heap = new IndexedHeap(members.size(), random);
        for (int i = 0; i < members.size(); i++) heap.set(i, withTieBreak(report(members.get(i).id())));
    }

    @Override
    public Pick pick(RequestInfo request) {
        if (heap.size() == 0) return Pick.NoHealthyBackend.INSTANCE;
        int avoid = request.avoid();
        if (avoid < 0) return members.get(heap.minimum());
        int best = heap.minimumExcept(members.positionOfId(avoid));
        return best < 0 ? Pick.NoOtherBackend.INSTANCE : members.get(best);
    }

    @Override
    public boolean slowStartApplies() {
        return false;
    }

    @Override
    public void onLoadReport(BackendView backend, double utilization) {
        int id = backend.id();
        if (id >= reports.length) reports = Arrays.copyOf(reports, Math.max(id + 1, reports.length * 2));
        reports[id] = utilization;
        int member = members.positionOf(backend);
        if (member >= 0) heap.set(member, withTieBreak(utilization));
    }

    private double withTieBreak(double utilization) {
        return utilization + random.nextDouble() * TIE_BREAK;
    }

    private double report(int id) {
        return id < reports.length ? reports[id] : 0;
    }
}
