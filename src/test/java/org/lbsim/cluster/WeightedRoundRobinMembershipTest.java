package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.metrics.TimeSeries;
import org.lbsim.support.YamlScenarios;

/**
 * Smooth weighted round robin stays NGINX's sequence when the membership changes mid-run: after
 * a weight is set, a server is removed and a server is added, the picks follow the sequence of
 * the new set from zero, in configuration order (the added server last), as the algorithm's
 * documentation says.
 *
 * <p>The picks are read from the run's time series: one request a second, each held 0.75 s, and
 * a sample every 50 ms, so that the interval in which a request arrives ends with it, alone, on
 * the server that was picked. Health checks every 0.7 s keep the added server's first passing
 * check away from the arrivals' phase.
 */
class WeightedRoundRobinMembershipTest {

    private static final double SAMPLE = 0.05;
    private static final double WEIGHT_SET = 20.25;
    private static final double REMOVED = 40.25;

    private static final String SCENARIO = """
            name: weighted round robin across membership changes
            seed: 1
            duration: 70s
            warmup: 0s
            clients:
              - name: users
                arrivals: {process: constant, rate: 1/s}
                service: {distribution: constant, value: 750ms}
            balancer:
              algorithm: weighted-round-robin
              healthCheck: {interval: 700ms, timeout: 500ms, healthyThreshold: 2, unhealthyThreshold: 2}
            servers:
              - {name: a, weight: 5}
              - {name: b, weight: 1}
              - {name: c, weight: 1}
            events:
              - {at: 20.25s, action: set-weight, server: c, weight: 3}
              - {at: 40.25s, action: remove-server, server: a}
              - {at: 50.25s, action: add-server, server: d, template: b}
            """;

    /** A request's arrival, known to within one sample, and the server it went to. */
    private record Pick(double after, double by, String server) {
    }

    @Test
    void afterEachChangeThePicksFollowTheSmoothSequenceOfTheNewSetFromZero() {
        TimeSeries series = YamlScenarios.sampled(SCENARIO, SAMPLE).series();
        List<Pick> picks = picks(series);
        double added = firstHealthy(series, "d");

        assertThat(picksBetween(picks, 0, WEIGHT_SET)).as("a 5, b 1, c 1")
                .isEqualTo(smoothSequence(weights("a", 5, "b", 1, "c", 1), 20));
        assertThat(picksBetween(picks, WEIGHT_SET, REMOVED)).as("after c's weight is set to 3")
                .isEqualTo(smoothSequence(weights("a", 5, "b", 1, "c", 3), 20));
        assertThat(picksBetween(picks, REMOVED, added)).as("after a is removed")
                .isEqualTo(smoothSequence(weights("b", 1, "c", 3), picksBetween(picks, REMOVED, added).size()));
        assertThat(picksBetween(picks, added, 70)).as("after d, added from b's template, passes its checks")
                .hasSizeGreaterThan(10)
                .isEqualTo(smoothSequence(weights("b", 1, "c", 3, "d", 1), picksBetween(picks, added, 70).size()));
    }

    /** The sequence NGINX's smooth weighted round robin gives from zero: ties go to the first in order. */
    private static List<String> smoothSequence(Map<String, Integer> weights, int length) {
        Map<String, Long> current = new LinkedHashMap<>();
        weights.keySet().forEach(name -> current.put(name, 0L));
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        List<String> sequence = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            String best = null;
            for (String name : weights.keySet()) {
                current.merge(name, (long) weights.get(name), Long::sum);
                if (best == null || current.get(name) > current.get(best)) best = name;
            }
            current.merge(best, -total, Long::sum);
            sequence.add(best);
        }
        return sequence;
    }

    private static List<Pick> picks(TimeSeries series) {
        List<Pick> picks = new ArrayList<>();
        for (TimeSeries.Interval interval : series.intervals()) {
            if (interval.arrivals() == 0) continue;
            assertThat(interval.arrivals()).as("arrivals in one sample").isEqualTo(1);
            List<String> holding = interval.servers().stream().filter(s -> s.inSystem() > 0)
                    .map(TimeSeries.ServerSample::name).toList();
            assertThat(holding).as("servers holding a request at %s", interval.end()).hasSize(1);
            picks.add(new Pick(interval.start(), interval.end(), holding.get(0)));
        }
        return picks;
    }

    /** The picks of requests that arrived between two changes; no arrival may share a sample with a change. */
    private static List<String> picksBetween(List<Pick> picks, double from, double to) {
        for (Pick pick : picks) {
            assertThat(pick.after() < from && from < pick.by() || pick.after() < to && to < pick.by())
                    .as("an arrival in the same sample as a change at %s or %s, its order unknown", from, to).isFalse();
        }
        return picks.stream().filter(pick -> pick.after() >= from && pick.by() <= to).map(Pick::server).toList();
    }

    /**
     * The end of the sample in which the balancer first counted the server usable; no request may
     * arrive in that sample, or whether it came before the change would be unknown.
     */
    private static double firstHealthy(TimeSeries series, String server) {
        for (TimeSeries.Interval interval : series.intervals()) {
            boolean healthy = interval.servers().stream().anyMatch(s -> s.name().equals(server) && s.healthyAtBalancer());
            if (healthy) {
                assertThat(interval.arrivals()).as("arrivals in the sample where %s became usable", server).isZero();
                return interval.end();
            }
        }
        throw new AssertionError(server + " never became healthy at the balancer");
    }

    private static Map<String, Integer> weights(Object... nameThenWeight) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < nameThenWeight.length; i += 2) weights.put((String) nameThenWeight[i], (Integer) nameThenWeight[i + 1]);
        return weights;
    }
}
