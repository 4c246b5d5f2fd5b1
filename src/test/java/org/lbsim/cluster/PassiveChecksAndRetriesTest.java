package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lbsim.metrics.RunResult;
import org.lbsim.support.YamlScenarios;

/**
 * What the balancer does about a failed backend before its active checks notice, through the
 * scenario keys of docs/scenario-reference.md: NGINX's {@code maxFails}, retries and their
 * budget, {@code connectTimeout}, and a black hole's {@code passesHealthChecks}.
 *
 * <p>Two servers behind round robin, twenty requests a second at a steady pace, and web-2 failing
 * at 100 s for the rest of the 200 s run. The active checks are slow on purpose (every 60 s, ten
 * failures to mark down): the run ends before they notice, so whatever limits the damage is the
 * feature under test.
 */
class PassiveChecksAndRetriesTest {

    private static final double FAILED_FOR = 100;

    private static String twoServers(String failure, String balancer) {
        return """
                name: passive checks
                seed: 7
                duration: 200s
                warmup: 0s
                clients:
                  - name: users
                    arrivals: {process: constant, rate: 20/s}
                    service: {distribution: constant, value: 100ms}
                balancer:
                  algorithm: round-robin
                  healthCheck: {interval: 60s, timeout: 5s, healthyThreshold: 2, unhealthyThreshold: 10}
                %s
                servers:
                  - {name: web-1, workers: 10}
                  - name: web-2
                    workers: 10
                    failures: [{at: 100s, for: 1h, %s}]
                """.formatted(balancer.indent(2).stripTrailing(), failure);
    }

    private static RunResult crash(String balancer) {
        return YamlScenarios.run(twoServers("kind: crash", balancer));
    }

    /** Requests lost to the failure: refused, or (a handful) taken by the crash while in service. */
    private static long failed(RunResult result) {
        return result.requests().failed();
    }

    @Test
    void maxFailsTakesABackendOutForFailTimeoutAfterThatManyFailures() {
        RunResult without = crash("");
        RunResult one = crash("maxFails: {maxFails: 1, failTimeout: 10s}");
        RunResult three = crash("maxFails: {maxFails: 3, failTimeout: 10s}");
        RunResult longer = crash("maxFails: {maxFails: 1, failTimeout: 20s}");

        // Without: every other request is refused until the run ends, ten a second.
        assertThat(failed(without)).isCloseTo((long) (10 * FAILED_FOR), within(3L));
        // With: that many refusals, then nothing for failTimeout, again and again (and the one
        // or two requests the crash took in service).
        assertThat(failed(one)).isCloseTo((long) (FAILED_FOR / 10), within(3L));
        assertThat(failed(three)).isCloseTo(3 * (long) (FAILED_FOR / 10), within(5L));
        assertThat(failed(longer)).isCloseTo((long) (FAILED_FOR / 20), within(3L));
        // The active checks never noticed: the passive check did all of it.
        assertThat(one.balancer().markedDown()).isZero();
    }

    /**
     * With a retry every refused request completes on web-1. Round robin gives the retry the
     * refused backend's turn, so web-2 is tried first by every request, not every other one.
     */
    @Test
    void aRetryTakesARefusedRequestToTheOtherBackend() {
        RunResult without = crash("");
        RunResult retried = crash("retries: 1");
        assertThat(failed(retried)).as("only what the crash took in service").isLessThanOrEqualTo(2);
        assertThat(retried.requests().retried()).isCloseTo((long) (20 * FAILED_FOR), within(3L));
        assertThat(retried.requests().completed()).isGreaterThanOrEqualTo(without.requests().completed() + failed(without) - 2);
    }

    /**
     * A retry budget of one retry in flight, while each retry is held a whole second by the
     * healthy server: about one of the ten refusals a second is retried, the rest fail. With no
     * budget at all, none is.
     */
    @Test
    void theRetryBudgetCapsTheRetriesInFlight() {
        String slowService = twoServers("kind: crash", "retries: 1\nretryBudget: {percent: 0, minConcurrency: %d}")
                .replace("value: 100ms", "value: 1s").replace("workers: 10", "workers: 50");
        RunResult none = YamlScenarios.run(slowService.formatted(0));
        RunResult one = YamlScenarios.run(slowService.formatted(1));
        RunResult unlimited = YamlScenarios.run(slowService.replace("percent: 0", "percent: 100").formatted(1_000));

        assertThat(none.requests().retried()).isZero();
        assertThat(failed(none)).isGreaterThan((long) (10 * FAILED_FOR));
        // Unlimited: every refusal is retried; only the ten requests web-2 held when it crashed fail.
        assertThat(failed(unlimited)).isLessThanOrEqualTo(10);
        assertThat(one.requests().retried()).isBetween((long) (0.8 * FAILED_FOR), (long) (1.2 * FAILED_FOR));
        assertThat(failed(one)).isGreaterThan(failed(none) - 2 * one.requests().retried());
    }

    /**
     * Connections to an unreachable backend hang for {@code connectTimeout}, then fail; with a
     * retry the request still completes, and its latency shows the wait.
     */
    @Test
    void aConnectionToAnUnreachableBackendFailsAfterTheConnectTimeout() {
        for (double timeout : new double[] {2, 5}) {
            RunResult result = YamlScenarios.run(twoServers("kind: unreachable",
                    "retries: 1\nconnectTimeout: " + timeout + "s"));
            assertThat(result.requests().retried()).as("retried, connectTimeout %s s", timeout).isPositive();
            assertThat(result.latency().max()).as("slowest answer, connectTimeout %s s", timeout)
                    .isBetween(timeout + 0.1, timeout + 0.1 + 0.01);
        }
    }

    /**
     * A black hole answers every request at once with an error. By default its shallow health
     * endpoint still passes, so the active checks never mark it down; with
     * {@code passesHealthChecks: false} they do, at their second failure after it began.
     */
    @Test
    void aBlackHoleThatFailsItsChecksIsMarkedDownAndOneThatPassesIsNot() {
        String fastChecks = "healthCheck: {interval: 10s, timeout: 5s, healthyThreshold: 2, unhealthyThreshold: 2}";
        String passing = twoServers("kind: black-hole", "").replaceFirst("healthCheck: \\{[^}]*}", fastChecks);
        RunResult passes = YamlScenarios.run(passing);
        RunResult fails = YamlScenarios.run(passing.replace("kind: black-hole", "kind: black-hole, passesHealthChecks: false"));

        assertThat(passes.balancer().markedDown()).isZero();
        assertThat(passes.failures().get(0).detectedAfterSeconds()).isNaN();
        assertThat(passes.requests().failed()).isCloseTo((long) (10 * FAILED_FOR), within(10L));

        assertThat(fails.balancer().markedDown()).isEqualTo(1);
        assertThat(fails.failures().get(0).detectedAfterSeconds()).isBetween(10.0, 2 * 10.0 + 5);
        assertThat(fails.requests().failed()).isLessThan(10 * 25 + 10);
    }
}
