package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.SecurityGroupResult;
import org.lbsim.support.ScenarioFiles;

/** The reference scenario keeps the promises of the architecture it describes. */
class TwoInstancesTest {

    private final Runner runner = new Runner(Algorithms.standard());
    private final Scenario scenario = ScenarioFiles.load(ScenarioFiles.TWO_INSTANCES);

    @Test
    void sshScannersAreAllDeniedByTheBalancersGroup() {
        RunResult result = runner.run(only("ssh-scanners"));
        assertThat(result.requests().offered()).isPositive();
        assertThat(result.requests().denied()).isEqualTo(result.requests().offered());
        assertThat(denied(result, "lb-sg")).isEqualTo(result.requests().offered());
        assertThat(denied(result, "web-sg")).isZero();
    }

    @Test
    void directAttemptsAtAnInstanceAreAllDeniedByTheInstancesGroup() {
        RunResult result = runner.run(only("direct-attempts"));
        assertThat(result.requests().offered()).isPositive();
        assertThat(result.requests().denied()).isEqualTo(result.requests().offered());
        assertThat(denied(result, "web-sg")).isEqualTo(result.requests().offered());
        assertThat(result.servers()).allSatisfy(server -> assertThat(server.completed()).isZero());
    }

    @Test
    void usersThroughTheBalancerAreAdmittedEverywhere() {
        RunResult result = runner.run(only("users"));
        assertThat(result.requests().denied()).isZero();
        assertThat(result.requests().completed()).isGreaterThan(result.requests().offered() * 9 / 10);
        assertThat(result.servers()).allSatisfy(server -> assertThat(server.completed()).isPositive());
    }

    @Test
    void theOutageMidRunIsDetectedAndRecoveredFrom() {
        RunResult result = runner.run(scenario);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.server()).isEqualTo("web-2");
            assertThat(failure.at()).isEqualTo(300);
            // Two failed probes 10 s apart, the second failing after its 5 s timeout.
            assertThat(failure.detectedAfterSeconds()).isBetween(15.0, 25.0);
            assertThat(failure.recoveredAt()).isEqualTo(360);
        });
        assertThat(result.balancer().markedDown()).isEqualTo(1);
        assertThat(result.balancer().markedUp()).isEqualTo(1);
        assertThat(result.servers().get(1).upFraction()).isCloseTo(1 - 60.0 / 540, org.assertj.core.data.Offset.offset(1e-9));
    }

    private Scenario only(String client) {
        List<ClientSpec> clients = scenario.clients().stream().filter(c -> c.name().equals(client)).toList();
        return new Scenario(scenario.name(), scenario.seed(), scenario.duration(), scenario.warmup(),
                scenario.maxRequestsInSystem(), clients, scenario.securityGroups(), scenario.networkAcls(),
                scenario.balancer(),
                scenario.servers(), scenario.events());
    }

    private static long denied(RunResult result, String group) {
        return result.securityGroups().stream().filter(g -> g.name().equals(group))
                .mapToLong(SecurityGroupResult::denied).sum();
    }
}
