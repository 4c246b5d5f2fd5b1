package org.lbsim.cluster;

import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;
import org.lbsim.scenario.FailureSpec;

/**
 * Schedules a server's outages: scheduled ones at their times, random ones as an alternating
 * renewal process with exponential times between failures (mean MTBF) and to repair (mean
 * MTTR), each random failure entry with a stream of its own.
 */
final class FailureInjector {

    private FailureInjector() {
    }

    static void schedule(Server server, List<FailureSpec> failures, Simulation simulation, RandomStreams streams) {
        for (int i = 0; i < failures.size(); i++) {
            FailureSpec failure = failures.get(i);
            if (failure instanceof FailureSpec.Scheduled scheduled) {
                simulation.scheduleAt(scheduled.at(), Server::fail, server);
                simulation.scheduleAt(scheduled.at() + scheduled.duration(), Server::recover, server);
            } else if (failure instanceof FailureSpec.Random random) {
                var stream = streams.stream("servers." + server.name() + ".failures." + i);
                new RandomOutages(server, simulation, new ExponentialDistribution(stream, random.mtbf()),
                        new ExponentialDistribution(stream, random.mttr())).scheduleNextFailure();
            }
        }
    }

    /** One alternating up/down process. */
    private record RandomOutages(Server server, Simulation simulation,
                                 ExponentialDistribution timeToFailure, ExponentialDistribution timeToRepair) {

        void scheduleNextFailure() {
            simulation.schedule(timeToFailure.sample(), RandomOutages::failNow, this);
        }

        private void failNow() {
            server.fail();
            simulation.schedule(timeToRepair.sample(), RandomOutages::recoverNow, this);
        }

        private void recoverNow() {
            server.recover();
            scheduleNextFailure();
        }
    }
}
