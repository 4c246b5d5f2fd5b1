package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.AutoscalingSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.experiment.LiveRun;

/** Target tracking follows the load up and down, within its bounds. */
class AutoscalingTest {

    private static final ServerSpec WEB = new ServerSpec("web", null, 2, 100, 1.0, 1, List.of(), 0.05, 30);

    private static Scenario stepLoad(AutoscalingSpec autoscaling) {
        return scenario().algorithm("least-connections").duration(3600, 0)
                .poissonClient("users", 50, 0.02) // 1 s of work per second
                .server(WEB)
                .event(new EventSpec.SetRate(600, "users", 300)) // 6 s of work per second
                .event(new EventSpec.SetRate(2400, "users", 50))
                .autoscaling(autoscaling)
                .build();
    }

    private static int running(LiveRun run) {
        return (int) run.latest().servers().stream().filter(s -> !s.condition().equals("terminated")).count();
    }

    @Test
    void utilizationTrackingScalesOutForALoadStepAndBackInAfterIt() {
        var spec = new AutoscalingSpec("web", AutoscalingSpec.Metric.UTILIZATION, 0.6, 1, 10, 60, 30);
        LiveRun run = new LiveRun(stepLoad(spec), Algorithms.standard());
        run.advanceTo(590);
        assertThat(running(run)).as("1 s of work on 2 workers is 50%%: below target").isEqualTo(1);
        run.advanceTo(2390);
        // 6 s of work per second at 60% of 2 workers each needs ⌈6 / 1.2⌉ = 5 instances.
        assertThat(running(run)).isBetween(5, 7);
        run.advanceTo(3600);
        var result = run.cluster().results(new org.lbsim.metrics.EngineStats(0, 0, 0));
        assertThat(result.scaling().maxInstances()).isBetween(5, 7);
        assertThat(result.scaling().removed()).isPositive();
        assertThat(running(run)).as("back near one instance, draining included").isLessThanOrEqualTo(2);
        assertThat(result.requests().failed()).as("scale-in drains: nothing lost").isZero();
        assertThat(result.cost().instanceHours()).isGreaterThan(1).isLessThan(7);
    }

    @Test
    void theGroupNeverLeavesItsBounds() {
        var spec = new AutoscalingSpec("web", AutoscalingSpec.Metric.UTILIZATION, 0.3, 2, 3, 0, 30);
        LiveRun run = new LiveRun(stepLoad(spec), Algorithms.standard());
        run.advanceTo(10);
        assertThat(running(run)).as("brought up to min at once").isEqualTo(2);
        run.advanceTo(3600);
        var result = run.cluster().results(new org.lbsim.metrics.EngineStats(0, 0, 0));
        assertThat(result.scaling().maxInstances()).isEqualTo(3);
        assertThat(result.scaling().minInstances()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void requestsPerTargetTrackingSizesTheGroupByRequestRate() {
        // 300 requests/s at 100 per instance needs 3 instances.
        var spec = new AutoscalingSpec("web", AutoscalingSpec.Metric.REQUESTS_PER_TARGET, 100, 1, 10, 60, 30);
        LiveRun run = new LiveRun(stepLoad(spec), Algorithms.standard());
        run.advanceTo(2390);
        assertThat(running(run)).isBetween(3, 4);
    }

    @Test
    void anInstanceThatStaysUnhealthyAfterItsGracePeriodIsReplaced() {
        var crashed = new ServerSpec("web", null, 2, 100, 1.0, 1,
                List.of(new org.lbsim.cluster.spec.FailureSpec.Scheduled(300, 1e9)), 0.05, 30);
        var spec = new AutoscalingSpec("web-b", AutoscalingSpec.Metric.UTILIZATION, 0.9, 2, 2, 60, 30, 60);
        Scenario scenario = scenario().algorithm("round-robin").duration(900, 0)
                .poissonClient("users", 50, 0.02)
                .server(crashed)
                .server(new ServerSpec("web-b", null, 2, 100, 1.0, 1, List.of(), 0.05, 30))
                .autoscaling(spec)
                .build();
        LiveRun run = new LiveRun(scenario, Algorithms.standard());
        run.advanceTo(900);
        var states = run.latest().servers();
        assertThat(states).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("web");
            assertThat(s.condition()).isEqualTo("terminated");
        });
        assertThat(states.stream().filter(s -> s.up() && s.healthyAtBalancer()).count())
                .as("the replacement booted and passed its checks").isEqualTo(2);
    }

    @Test
    void scaleOutsAreAtLeastACooldownApart() {
        // min 1, max 10, cooldown 300 s: a step to 6 s of work per second needs several instances,
        // but with target 0.3 every evaluation wants more; only the cooldown spaces them.
        var spec = new AutoscalingSpec("web", AutoscalingSpec.Metric.UTILIZATION, 0.3, 1, 10, 300, 30);
        LiveRun run = new LiveRun(stepLoad(spec), Algorithms.standard());
        List<Double> scaleOuts = new java.util.ArrayList<>();
        int size = run.latest().servers().size();
        for (double t = 10; t <= 2400; t += 10) {
            run.advanceTo(t);
            int now = run.latest().servers().size();
            if (now > size) scaleOuts.add(t);
            size = now;
        }
        assertThat(scaleOuts).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < scaleOuts.size(); i++) {
            // Observed every 10 s, so two launches 300 s apart may show up to 10 s closer.
            assertThat(scaleOuts.get(i) - scaleOuts.get(i - 1)).isGreaterThanOrEqualTo(300 - 10);
        }
    }
}
