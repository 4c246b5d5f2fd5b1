package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.TimeSeries;
import org.lbsim.support.YamlScenarios;

/**
 * What the fleet costs and how long it has too few instances, through the scenario keys of
 * docs/scenario-reference.md: {@code costPerHour} and the {@code cost} result, {@code bootTime}
 * of an added instance, and {@code minimumHealthyTargets} with
 * {@code balancer.secondsBelowMinimumHealthy}.
 */
class FleetAccountingTest {

    /**
     * Instances are billed from launch to termination over the measured window [warmup,
     * duration]: a from 0.1 h to its removal at 0.75 h, b the whole window, c from its launch at
     * 0.5 h (boot included).
     */
    @Test
    void costIsInstanceHoursOverTheMeasuredWindowTimesEachInstancesPrice() {
        RunResult result = YamlScenarios.run("""
                name: cost
                duration: 1h
                warmup: 6min
                clients:
                  - name: users
                    arrivals: {process: poisson, rate: 5/s}
                    service: {distribution: exponential, mean: 10ms}
                balancer:
                  deregistrationDelay: 0s
                servers:
                  - {name: a, costPerHour: 1.0}
                  - {name: b, costPerHour: 3.0}
                events:
                  - {at: 30min, action: add-server, server: c, template: b}
                  - {at: 45min, action: remove-server, server: a}
                """);
        double a = 0.75 - 0.1;
        double b = 0.9;
        double c = 0.5;
        assertThat(result.cost().instanceHours()).isCloseTo(a + b + c, within(0.01));
        assertThat(result.cost().total()).isCloseTo(1.0 * a + 3.0 * b + 3.0 * c, within(0.03));
        assertThat(result.cost().perMillionCompleted())
                .isCloseTo(result.cost().total() / result.requests().completed() * 1e6, within(1e-6));
    }

    /**
     * An added instance answers nothing for its template's {@code bootTime}, so its health
     * checks pass only after it: with a 30 s boot it becomes usable 30 s later than without.
     */
    @Test
    void anAddedInstanceBecomesUsableOnlyAfterItsBootTime() {
        double withoutBoot = becameUsable("0s");
        double withBoot = becameUsable("30s");
        // Two passing checks 5 s apart after the add (or after the boot), plus a check's phase.
        assertThat(withoutBoot).isBetween(100.0, 100.0 + 3 * 5);
        assertThat(withBoot).isBetween(130.0, 130.0 + 3 * 5);
        assertThat(withBoot - withoutBoot).isCloseTo(30, within(5.0));
    }

    private static double becameUsable(String bootTime) {
        TimeSeries series = YamlScenarios.sampled("""
                name: boot time
                duration: 200s
                warmup: 0s
                clients:
                  - name: users
                    arrivals: {process: poisson, rate: 10/s}
                    service: {distribution: exponential, mean: 10ms}
                balancer:
                  healthCheck: {interval: 5s, timeout: 2s, healthyThreshold: 2, unhealthyThreshold: 2}
                servers:
                  - {name: web, bootTime: %s}
                events:
                  - {at: 100s, action: add-server, server: web-new, template: web}
                """.formatted(bootTime), 0.5).series();
        for (TimeSeries.Interval interval : series.intervals()) {
            if (interval.servers().stream().anyMatch(s -> s.name().equals("web-new") && s.healthyAtBalancer())) {
                return interval.end();
            }
        }
        throw new AssertionError("web-new never became usable (bootTime " + bootTime + ")");
    }

    /**
     * One of two servers is down from 100 s to 160 s. With a minimum of two healthy targets the
     * balancer is below it from when its checks mark the server down until they mark it up
     * again; with a minimum of one, never; with a minimum of three, the whole window.
     */
    @Test
    void secondsBelowMinimumHealthyCountTheTimeWithTooFewUsableTargets() {
        RunResult two = belowMinimum(2);
        var failure = two.failures().get(0);
        double markedDown = failure.at() + failure.detectedAfterSeconds();
        // Marked up at the third passing check after the recovery: 20 to 30 s after it.
        assertThat(two.balancer().secondsBelowMinimumHealthy())
                .isBetween(failure.recoveredAt() + 20 - markedDown, failure.recoveredAt() + 30 - markedDown);
        assertThat(belowMinimum(1).balancer().secondsBelowMinimumHealthy()).isZero();
        assertThat(belowMinimum(3).balancer().secondsBelowMinimumHealthy()).isCloseTo(300 - 30, within(1e-9));
    }

    private static RunResult belowMinimum(int minimum) {
        return YamlScenarios.run("""
                name: minimum healthy targets
                duration: 300s
                warmup: 30s
                clients:
                  - name: users
                    arrivals: {process: poisson, rate: 10/s}
                    service: {distribution: exponential, mean: 10ms}
                balancer:
                  minimumHealthyTargets: %d
                  healthCheck: {interval: 10s, timeout: 5s, healthyThreshold: 3, unhealthyThreshold: 2}
                servers:
                  - {name: web-1}
                  - name: web-2
                    failures: [{at: 100s, for: 60s}]
                """.formatted(minimum));
    }
}
