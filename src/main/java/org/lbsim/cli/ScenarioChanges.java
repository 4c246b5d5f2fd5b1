package org.lbsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.scenario.ScenarioException;
import picocli.CommandLine.Option;

/**
 * The options that change a scenario as it is loaded, shared by the commands that take one
 * scenario file ({@link ScenarioOptions}) and by {@code validate}, which takes several.
 */
class ScenarioChanges {

    @Option(names = "--algorithm", paramLabel = "NAME", description = "Balancing algorithm, replacing the scenario's.")
    String algorithm;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed, replacing the scenario's.")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one field by its path, list items by name, e.g. clients.users.arrivals.rate=300/s.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--speedup", paramLabel = "F",
            description = "Replay every trace F times faster than it was recorded, replacing the scenario's speedup.")
    Double speedup;

    @Option(names = "--strict", description = "Stop at a trace's first malformed line instead of skipping and counting it.")
    boolean strict;

    /**
     * Loads {@code file} with these {@code --set} overrides, applies the other options and validates.
     *
     * @param traceRequired whether {@code --speedup} or {@code --strict} on a scenario without a
     *                      trace is a mistake (it is when the command reads one scenario)
     */
    Scenario load(Path file, Algorithms algorithms, List<String> pointOverrides, boolean traceRequired)
            throws ScenarioException {
        List<String> all = new ArrayList<>(pointOverrides);
        if (algorithm != null) {
            if (algorithms.find(algorithm).isEmpty()) throw AlgorithmList.unknown("--algorithm", algorithm, algorithms);
            all.add("balancer.algorithm=" + algorithm);
        }
        checkSpeedup();
        Scenario scenario = AlgorithmRules.loader(algorithms).load(file, all);
        if (traceRequired && changesTraces() && !replaysATrace(scenario)) {
            throw new UserInputException(traceOption() + ": found no client that replays a trace in " + file
                    + ", expected one with arrivals: {process: trace, ...}");
        }
        scenario = withTraceOptions(scenario);
        return seed == null ? scenario : scenario.withSeed(seed);
    }

    /** Whether {@code --speedup} or {@code --strict} was given. */
    boolean changesTraces() {
        return speedup != null || strict;
    }

    /** The name of the trace option given, for messages. */
    String traceOption() {
        return speedup != null ? "--speedup" : "--strict";
    }

    static boolean replaysATrace(Scenario scenario) {
        return scenario.clients().stream().anyMatch(client -> client.arrivals() instanceof ArrivalSpec.Trace);
    }

    void checkSpeedup() {
        if (speedup != null && !(speedup > 0 && speedup <= 1e9)) {
            throw new UserInputException("--speedup: found '" + speedup + "', expected a positive factor such as 60");
        }
    }

    /** {@code --speedup} and {@code --strict} applied to every client that replays a trace. */
    private Scenario withTraceOptions(Scenario scenario) {
        if (!changesTraces()) return scenario;
        List<ClientSpec> clients = new ArrayList<>();
        for (ClientSpec client : scenario.clients()) {
            if (client.arrivals() instanceof ArrivalSpec.Trace trace) {
                ArrivalSpec.Trace changed = speedup == null ? trace : trace.withSpeedup(speedup);
                clients.add(client.withArrivals(strict ? changed.withStrict(true) : changed));
            } else {
                clients.add(client);
            }
        }
        return scenario.withClients(clients);
    }
}
