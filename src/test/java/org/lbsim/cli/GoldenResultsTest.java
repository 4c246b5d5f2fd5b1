package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lbsim.support.ScenarioFiles;
import org.lbsim.support.ShippedRuns;

/**
 * Every shipped scenario's {@code --json} result, apart from the engine's wall-clock figures,
 * equals the one stored in {@code src/test/resources/golden/}, value for value. A change that
 * moves a result fails here until the files are rewritten with
 * {@code mvn verify -Dlbsim.updateGolden=true}; the rewrite then shows in review as a diff, and
 * its commit says why the numbers moved. The run is the one {@link ShippedRuns} shares with
 * {@code ShippedScenariosTest}.
 */
class GoldenResultsTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("lbsim.updateGolden");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<Path> scenarios() {
        return ScenarioFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void resultEqualsTheStoredOne(Path scenario) throws IOException {
        String actual = resultWithoutEngine(scenario);
        Path golden = goldenFile(scenario);
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
            return;
        }
        assertThat(golden).as("no stored result for %s: run mvn verify -Dlbsim.updateGolden=true", scenario).exists();
        assertThat(actual).as("%s's result differs from %s; if the change is meant, rewrite it with "
                + "-Dlbsim.updateGolden=true and say why in the commit", scenario, golden).isEqualTo(Files.readString(golden));
    }

    @Test
    void everyStoredResultBelongsToAShippedScenario() throws IOException {
        List<String> expected = ScenarioFiles.all().stream().map(GoldenResultsTest::goldenFile)
                .map(path -> path.getFileName().toString()).toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** {@code two-instances.yaml} → {@code golden/two-instances.json}. */
    static Path goldenFile(Path scenario) {
        String name = scenario.getFileName().toString();
        return GOLDEN.resolve(name.substring(0, name.lastIndexOf('.')) + ".json");
    }

    /** What {@code lbsim run SCENARIO --json -} prints, without the {@code engine} block, with a final newline. */
    private static String resultWithoutEngine(Path scenario) throws IOException {
        return MAPPER.writeValueAsString(ShippedRuns.jsonWithoutEngine(scenario)) + "\n";
    }
}
