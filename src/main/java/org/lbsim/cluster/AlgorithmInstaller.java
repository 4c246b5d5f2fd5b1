package org.lbsim.cluster;

import java.util.List;
import org.lbsim.balancing.AlgorithmContext;
import org.lbsim.balancing.AlgorithmInfo;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;

/**
 * Puts balancing algorithms on the balancer: the scenario's first one and each live switch.
 * Each gets a random stream of its own, named after its place in the sequence of switches, and
 * the backends' load reports when it decides by them.
 */
final class AlgorithmInstaller {

    private final Balancer balancer;
    private final Algorithms algorithms;
    private final BalancerSpec spec;
    private final Simulation simulation;
    private final RandomStreams streams;
    private final List<String> warnings;
    private int switches;
    /** The load reports the current algorithm asks for, or null. */
    private LoadReporter loadReporter;

    /** @param warnings where a setting the algorithm ignores is reported, once */
    AlgorithmInstaller(Balancer balancer, Algorithms algorithms, BalancerSpec spec, Simulation simulation,
                       RandomStreams streams, List<String> warnings) {
        this.balancer = balancer;
        this.algorithms = algorithms;
        this.spec = spec;
        this.simulation = simulation;
        this.streams = streams;
        this.warnings = warnings;
    }

    /** Installs the scenario's algorithm. */
    void installFirst() {
        install(algorithms.get(spec.algorithm()), "balancer.algorithm");
    }

    /** Replaces the algorithm live. */
    void switchTo(String name) {
        install(algorithms.get(name), "balancer.algorithm." + (++switches) + "." + name);
    }

    /** A backend registered during the run: its agent reports too, if the algorithm wants reports. */
    void added(Backend backend) {
        if (loadReporter != null) loadReporter.add(backend);
    }

    private void install(AlgorithmInfo info, String stream) {
        balancer.use(info.name(), info.create(new AlgorithmContext(streams.stream(stream),
                spec.algorithmParameters(), simulation::now)));
        if (balancer.policies().slowStart() > 0 && !balancer.algorithm().slowStartApplies()) {
            String warning = "balancer.slowStart has no effect with " + info.name()
                    + ": it ramps up only algorithms that weigh or count (see docs/failures.md)";
            if (!warnings.contains(warning)) warnings.add(warning);
        }
        if (loadReporter != null) loadReporter.stop();
        double interval = balancer.algorithm().loadReportInterval();
        loadReporter = interval > 0
                ? new LoadReporter(balancer, simulation, interval, streams.stream(stream + ".loadReports")) : null;
    }
}
