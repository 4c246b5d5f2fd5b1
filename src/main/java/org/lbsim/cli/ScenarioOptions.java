package org.lbsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lbsim.balancing.Algorithms;
import org.lbsim.experiment.AlgorithmRules;
import org.lbsim.scenario.ArrivalSpec;
import org.lbsim.scenario.ClientSpec;
import org.lbsim.scenario.Scenario;
import org.lbsim.scenario.ScenarioException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and the options that change it, shared by the commands that run one. */
final class ScenarioOptions {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path file;

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

    /** Loads, applies the options and validates. */
    Scenario load(Algorithms algorithms) throws ScenarioException {
        return load(algorithms, overrides);
    }

    /** Loads with these {@code --set} overrides in place of the options' own (a sweep's point), and validates. */
    Scenario load(Algorithms algorithms, List<String> pointOverrides) throws ScenarioException {
        List<String> all = new ArrayList<>(pointOverrides);
        if (algorithm != null) {
            if (algorithms.find(algorithm).isEmpty()) {
                throw new UserInputException("--algorithm: found '" + algorithm + "', expected one of "
                        + String.join(", ", algorithms.parameterKeys().keySet()));
            }
            all.add("balancer.algorithm=" + algorithm);
        }
        Scenario scenario = AlgorithmRules.loader(algorithms).load(file, all);
        scenario = withTraceOptions(scenario);
        return seed == null ? scenario : scenario.withSeed(seed);
    }

    /** {@code --speedup} and {@code --strict} applied to every client that replays a trace. */
    private Scenario withTraceOptions(Scenario scenario) {
        if (speedup == null && !strict) return scenario;
        if (speedup != null && !(speedup > 0 && speedup <= 1e9)) {
            throw new UserInputException("--speedup: found '" + speedup + "', expected a positive factor such as 60");
        }
        if (scenario.clients().stream().noneMatch(client -> client.arrivals() instanceof ArrivalSpec.Trace)) {
            throw new UserInputException((speedup != null ? "--speedup" : "--strict") + ": found no client that replays "
                    + "a trace in " + file + ", expected one with arrivals: {process: trace, ...}");
        }
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
