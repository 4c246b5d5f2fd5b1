package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.Scenario;

class OverridesTest {

    private static ScenarioException.Problem onlyProblem(String... overrides) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Fixtures.load("good/full.yaml", overrides));
        assertThat(e).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void listItems_areAddressedByName() throws ScenarioException {
        Scenario s = Fixtures.load("good/full.yaml", "clients.users.arrivals.rate=300/s", "servers.web-1.workers=4");

        assertThat(s.clients().get(0).arrivals()).isEqualTo(new ArrivalSpec.Poisson(300));
        assertThat(s.server("web-1").orElseThrow().workers()).isEqualTo(4);
    }

    @Test
    void listItems_areAddressedByIndex() throws ScenarioException {
        Scenario s = Fixtures.load("good/full.yaml", "events.0.at=2min");

        assertThat(s.events().get(0).at()).isEqualTo(120);
    }

    @Test
    void missingFinalKey_isAdded_andMissingSectionIsCreated() throws ScenarioException {
        Scenario s = Fixtures.load("good/minimal.yaml", "balancer.algorithm=random", "clients.users.timeout=2s");

        assertThat(s.balancer().algorithm()).isEqualTo("random");
        assertThat(s.clients().get(0).timeout()).isEqualTo(2);
    }

    @Test
    void values_areYamlFlowValues() throws ScenarioException {
        Scenario s = Fixtures.load("good/full.yaml", "servers.web-1.failures=[{at: 1min, for: 30s}]", "events=[]");

        assertThat(s.server("web-1").orElseThrow().failures()).containsExactly(new FailureSpec.Scheduled(60, 30));
        assertThat(s.events()).isEmpty();
    }

    @Test
    void laterOverride_winsOverEarlierOne() throws ScenarioException {
        Scenario s = Fixtures.load("good/full.yaml", "seed=7", "seed=8");

        assertThat(s.seed()).isEqualTo(8);
    }

    @Test
    void badValue_isReportedAtTheOption() {
        ScenarioException.Problem p = onlyProblem("clients.users.arrivals.rate=-5/s");

        assertThat(p.where()).isEqualTo("--set clients.users.arrivals.rate=-5/s");
        assertThat(p.message()).isEqualTo("clients[0].arrivals.rate: found '-5/s', expected a positive rate such as 150/s");
    }

    @Test
    void unknownListItem_namesTheSegmentAndWhatIsThere() {
        ScenarioException.Problem p = onlyProblem("servers.web-9.workers=4");

        assertThat(p.where()).isEqualTo("--set servers.web-9.workers=4");
        assertThat(p.message()).contains("found no item 'web-9' in 'servers'", "web-1, app");
    }

    @Test
    void misspeltKeyInPath_isReportedWithSuggestionAtTheOption() {
        ScenarioException.Problem p = onlyProblem("balancer.algoritm=random");

        assertThat(p.where()).isEqualTo("--set balancer.algoritm=random");
        assertThat(p.message()).contains("unknown key 'algoritm' (did you mean 'algorithm'?)");
    }

    @Test
    void pathThroughAValue_isAnError() {
        ScenarioException.Problem p = onlyProblem("seed.x=1");

        assertThat(p.message()).contains("found '42' at 'seed', which has no key 'x'");
    }

    @Test
    void optionWithoutEquals_isAnError() {
        ScenarioException.Problem p = onlyProblem("seed");

        assertThat(p.where()).isEqualTo("--set seed");
        assertThat(p.message()).contains("expected PATH=VALUE");
    }

    @Test
    void valueWithSyntaxError_isAnErrorAtTheOption() {
        ScenarioException.Problem p = onlyProblem("events=[{at: 1min");

        assertThat(p.where()).isEqualTo("--set events=[{at: 1min");
        assertThat(p.message()).startsWith("the value: YAML syntax error");
    }

    @Test
    void overrides_doNotChangeAnotherLoad() throws ScenarioException {
        Fixtures.load("good/full.yaml", "seed=9");

        assertThat(Fixtures.LOADER.load(Fixtures.scenario("good/full.yaml"), List.of()).seed()).isEqualTo(42);
    }

    /** 3,000 keys overflowed the stack of the path's walk; the path is refused before any walk. */
    @Test
    void aPathOfThousandsOfKeys_isRefusedAtTheOption_withoutOverflowingTheStack() {
        String path = String.join(".", java.util.Collections.nCopies(3000, "a"));
        ScenarioException.Problem p = onlyProblem(path + "=1");

        assertThat(p.where()).startsWith("--set a.a.a.").endsWith("... (6,001 characters)").hasSizeLessThan(300);
        assertThat(p.message()).isEqualTo("found a path of 3,000 keys, expected at most 32: a scenario nests no deeper "
                + "(such as balancer.healthCheck.interval)");
    }

    @Test
    void aPathOfThirtyTwoKeys_isWalked() {
        String path = String.join(".", java.util.Collections.nCopies(32, "a"));
        ScenarioException.Problem p = onlyProblem(path + "=1");

        assertThat(p.message()).contains("found unknown key 'a'");
    }

    /** Part 4 of issue 15: an error in a --set option reads like every other argument error. */
    @Test
    void problemsOfAnOption_carryTheLbsimPrefix_likeEveryArgumentError() {
        ScenarioException.Problem p = onlyProblem("clients.users.arrivals.rate=-5/s");

        assertThat(p.fromOption()).isTrue();
        assertThat(p.toString()).isEqualTo("lbsim: --set clients.users.arrivals.rate=-5/s: clients[0].arrivals.rate: "
                + "found '-5/s', expected a positive rate such as 150/s");
        java.io.StringWriter err = new java.io.StringWriter();
        int status = org.lbsim.cli.Main.execute(new String[] {"validate", "scenarios/two-instances.yaml", "--set",
                "servers.nope.workers=2"}, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).startsWith("lbsim: --set servers.nope.workers=2: found no item 'nope' in 'servers'");
    }

    @Test
    void problemsOfAFile_haveNoPrefix() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Fixtures.load("bad/negative-rate.yaml"));

        assertThat(e.problems()).allSatisfy(p -> assertThat(p.fromOption()).isFalse());
        assertThat(e.getMessage()).doesNotContain("lbsim:");
    }
}
