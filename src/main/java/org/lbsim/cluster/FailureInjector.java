package org.lbsim.cluster;

import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.special.Gamma;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;

/**
 * Schedules a server's impairments: scheduled ones at their times, random ones as an
 * alternating renewal process of up times (exponential with mean MTBF, or Weibull with the
 * given shape and the scale that gives that mean) and exponential repair times (mean MTTR),
 * each random entry with a stream of its own.
 */
final class FailureInjector {

    private FailureInjector() {
    }

    static void schedule(Server server, List<FailureSpec> failures, Simulation simulation, RandomStreams streams) {
        for (int i = 0; i < failures.size(); i++) {
            FailureSpec failure = failures.get(i);
            if (failure instanceof FailureSpec.Scheduled scheduled) {
                simulation.scheduleAt(scheduled.at(), spec -> {
                    Impairment impairment = start(server, spec);
                    simulation.schedule(spec.duration(), server::end, impairment);
                }, scheduled);
            } else if (failure instanceof FailureSpec.Random random) {
                RandomGeneratorView stream = new RandomGeneratorView(streams.stream("servers." + server.name() + ".failures." + i));
                RealDistribution upTimes = Double.isNaN(random.weibullShape())
                        ? new ExponentialDistribution(stream, random.mtbf())
                        : new WeibullDistribution(stream, random.weibullShape(), weibullScale(random));
                new RandomImpairments(server, random, simulation, upTimes,
                        new ExponentialDistribution(stream, random.mttr())).scheduleNext();
            }
        }
    }

    /** Scale λ of the Weibull whose mean λ·Γ(1 + 1/k) is the MTBF. */
    private static double weibullScale(FailureSpec.Random random) {
        return random.mtbf() / Math.exp(Gamma.logGamma(1 + 1 / random.weibullShape()));
    }

    private static Impairment start(Server server, FailureSpec spec) {
        return server.impair(spec.kind(), spec.factor(), spec.passesHealthChecks());
    }

    /** One alternating up/down process. */
    private record RandomImpairments(Server server, FailureSpec spec, Simulation simulation,
                                     RealDistribution upTimes, RealDistribution repairTimes) {

        void scheduleNext() {
            simulation.schedule(upTimes.sample(), RandomImpairments::begin, this);
        }

        private void begin() {
            Impairment impairment = start(server, spec);
            simulation.schedule(repairTimes.sample(), done -> {
                server.end(impairment);
                scheduleNext();
            }, this);
        }
    }
}
