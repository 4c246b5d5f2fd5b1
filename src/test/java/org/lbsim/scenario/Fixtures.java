package org.lbsim.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.Scenario;

/** What the scenario tests share: the algorithms they know and where their files are. */
final class Fixtures {

    static final Map<String, Set<String>> ALGORITHMS =
            Map.of("round-robin", Set.of(), "random", Set.of(), "least-connections", Set.of());

    static final ScenarioLoader LOADER = new ScenarioLoader(ALGORITHMS);

    private Fixtures() {
    }

    static Path scenario(String relative) {
        return Path.of("src/test/resources/scenarios", relative);
    }

    static Scenario load(String relative, String... overrides) throws ScenarioException {
        return LOADER.load(scenario(relative), List.of(overrides));
    }
}
