package org.lbsim.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.support.ScenarioFiles;

class ScenarioDigestTest {

    @TempDir
    Path folder;

    @Test
    void commentsFormattingAndUnitsDoNotChangeTheDigestButValuesDo() throws Exception {
        String yaml = Files.readString(ScenarioFiles.TWO_INSTANCES);
        Path commented = Files.writeString(folder.resolve("commented.yaml"), "# a comment line added on top\n\n"
                + yaml.replace("duration: 10min", "duration:   600s    # the same ten minutes"));
        String digest = ScenarioDigest.of(ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES));
        assertThat(ScenarioDigest.of(ScenarioFiles.load(commented))).isEqualTo(digest);
        assertThat(ScenarioDigest.of(ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES, "clients.users.arrivals.rate=150/s")))
                .as("an override to the value it has").isEqualTo(digest);
        assertThat(ScenarioDigest.of(ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES, "clients.users.arrivals.rate=151/s")))
                .isNotEqualTo(digest);
        assertThat(ScenarioDigest.of(ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES, "seed=43"))).isNotEqualTo(digest);
    }

    @Test
    void everyShippedScenarioHasACanonicalFormWithNoObjectIdentityInIt() {
        for (Path file : ScenarioFiles.all()) {
            String canonical = ScenarioDigest.canonical(ScenarioFiles.load(file));
            // A type without a text of its own would print as Name@1b6d3586, different in every process.
            assertThat(canonical).as(file.toString()).doesNotContainPattern("@[0-9a-f]{5,}");
            assertThat(ScenarioDigest.of(ScenarioFiles.load(file))).isEqualTo(ScenarioDigest.of(ScenarioFiles.load(file)));
        }
        List<String> digests = ScenarioFiles.all().stream().map(f -> ScenarioDigest.of(ScenarioFiles.load(f))).toList();
        assertThat(digests).doesNotHaveDuplicates();
    }
}
