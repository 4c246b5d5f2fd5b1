package org.lbsim.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.lbsim.cli.Main;

/**
 * What {@code lbsim run SCENARIO --json -} prints for a shipped scenario, run once per test JVM
 * and shared: {@code GoldenResultsTest} compares it with the stored result and
 * {@code ShippedScenariosTest} holds its own runs against it. A shipped scenario may simulate
 * millions of requests (a day of traffic), so each test running its own copy of the same run
 * would double the suite's longest work for nothing.
 */
public final class ShippedRuns {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<Path, FutureTask<ObjectNode>> RUNS = new ConcurrentHashMap<>();

    private ShippedRuns() {
    }

    /**
     * The result as the command prints it, engine figures included; a copy the caller may change.
     * Tests asking for the same scenario at the same time wait for one run.
     */
    public static ObjectNode json(Path scenario) {
        FutureTask<ObjectNode> run = RUNS.computeIfAbsent(scenario.toAbsolutePath().normalize(),
                file -> new FutureTask<>(() -> runOnce(scenario)));
        run.run(); // does nothing once the run has started elsewhere
        try {
            return run.get().deepCopy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run of " + scenario, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) throw failure;
            throw new IllegalStateException("lbsim run " + scenario + " failed", e.getCause());
        }
    }

    /** The result without the engine's wall-clock figures, the part a run with the same seed repeats exactly. */
    public static ObjectNode jsonWithoutEngine(Path scenario) {
        ObjectNode result = json(scenario);
        result.remove("engine");
        return result;
    }

    private static ObjectNode runOnce(Path scenario) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new String[] {"run", scenario.toString(), "--json", "-"}, new PrintWriter(out),
                new PrintWriter(err));
        if (status != 0) throw new AssertionError("lbsim run " + scenario + " --json - exited with " + status + ": " + err);
        try {
            return (ObjectNode) MAPPER.readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("lbsim run " + scenario + " printed no JSON", e);
        }
    }
}
