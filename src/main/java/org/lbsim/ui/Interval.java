package org.lbsim.ui;

import org.lbsim.cluster.ClusterSnapshot;

/**
 * What happened between two snapshots, as rates per simulated second: what the charts plot
 * and what the flow animation shows.
 */
record Interval(double start, double end, double sent, double completed, double denied, double rejected,
                double failed, double timedOut, double[] utilization, double[] completedByServer,
                double[] lostByServer, double[] deniedByGroup) {

    /** The interval from {@code before} to {@code after}, or null when no simulated time passed. */
    static Interval between(ClusterSnapshot before, ClusterSnapshot after) {
        double dt = after.time() - before.time();
        if (!(dt > 0) || before.servers().size() != after.servers().size()) return null;
        var a = after.totals();
        var b = before.totals();
        int n = after.servers().size();
        double[] utilization = new double[n];
        double[] completed = new double[n];
        double[] lost = new double[n];
        for (int i = 0; i < n; i++) {
            var now = after.servers().get(i);
            var then = before.servers().get(i);
            utilization[i] = (now.busySeconds() - then.busySeconds()) / (dt * now.workers());
            completed[i] = (now.completed() - then.completed()) / dt;
            lost[i] = (now.lost() - then.lost()) / dt;
        }
        double[] denied = new double[after.securityGroups().size()];
        for (int g = 0; g < denied.length; g++) {
            denied[g] = (after.securityGroups().get(g).denied() - before.securityGroups().get(g).denied()) / dt;
        }
        return new Interval(before.time(), after.time(), (a.sent() - b.sent()) / dt, (a.completed() - b.completed()) / dt,
                (a.denied() - b.denied()) / dt, (a.rejected() - b.rejected()) / dt, (a.failed() - b.failed()) / dt,
                (a.timedOut() - b.timedOut()) / dt, utilization, completed, lost, denied);
    }

    double errors() {
        return rejected + failed + timedOut;
    }
}
