package org.lbsim.ui;

import org.lbsim.cluster.ClusterSnapshot;

/**
 * What the flow animation draws between two snapshots, in requests per simulated second:
 * rejections at the balancer, denials (in all and per security group), and per server the
 * requests answered and those lost. The charts' figures come from the shared
 * {@link org.lbsim.experiment.IntervalRecorder} instead; these are the per-path rates only the
 * topology needs.
 */
record FlowRates(double rejected, double denied, double[] deniedByGroup, double[] completedByServer,
                 double[] lostByServer) {

    /** The rates from {@code before} to {@code after}, or null when no simulated time passed. */
    static FlowRates between(ClusterSnapshot before, ClusterSnapshot after) {
        double dt = after.time() - before.time();
        if (!(dt > 0) || before.servers().size() != after.servers().size()) return null;
        int n = after.servers().size();
        double[] completed = new double[n];
        double[] lost = new double[n];
        for (int i = 0; i < n; i++) {
            completed[i] = (after.servers().get(i).completed() - before.servers().get(i).completed()) / dt;
            lost[i] = (after.servers().get(i).lost() - before.servers().get(i).lost()) / dt;
        }
        double[] deniedByGroup = new double[after.securityGroups().size()];
        for (int g = 0; g < deniedByGroup.length; g++) {
            deniedByGroup[g] = (after.securityGroups().get(g).denied() - before.securityGroups().get(g).denied()) / dt;
        }
        return new FlowRates((after.totals().rejected() - before.totals().rejected()) / dt,
                (after.totals().denied() - before.totals().denied()) / dt, deniedByGroup, completed, lost);
    }
}
