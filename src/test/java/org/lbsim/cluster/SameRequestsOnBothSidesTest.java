package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;

/**
 * What the side-by-side comparison builds on: two clusters of one scenario under different
 * algorithms receive the very same requests, request by request — the same arrival time, the
 * same work (drawn per request from its client's stream, not per server) and the same source
 * address — however differently the algorithms spread them and however the servers fare.
 */
class SameRequestsOnBothSidesTest {

    private static final List<Cidr> BLOCKS = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.0.0/16"));

    /** What a request is, as the balancer dispatches it. */
    private record Seen(double sentAt, double work, String from) {
    }

    private static Scenario slowInstance(boolean securityGroup, EventSpec... events) {
        ClientSpec users = new ClientSpec("users", new ArrivalSpec.Poisson(150), new DistributionSpec.Exponential(0.02),
                List.of(), Protocol.TCP, 80, BLOCKS, ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        var builder = scenario().seed(11).duration(60, 0).client(users)
                .server("web-1", 2, 100).server("web-2", 2, 100)
                .event(new EventSpec.Slow(20, "web-2", 0.25));
        for (EventSpec event : events) builder.event(event);
        if (securityGroup) {
            builder.securityGroup(new SecurityGroupSpec("lb-sg", List.of(
                    new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.parse("0.0.0.0/0"))))))
                    .balancerGroup("lb-sg");
        }
        return builder.build();
    }

    /** Every dispatched request by its sequence number, from time {@code from} on. */
    private static Map<Long, Seen> dispatched(Scenario scenario, String algorithm, boolean drawEveryAddress, double from) {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario.withAlgorithm(algorithm), Algorithms.standard(), simulation);
        if (drawEveryAddress) cluster.drawEveryAddressOnArrival();
        Map<Long, Seen> seen = new HashMap<>();
        cluster.balancer().observe((request, backend) -> {
            if (request.sentAt >= from) seen.put(request.sequence, new Seen(request.sentAt, request.work, request.from().toString()));
        });
        cluster.start();
        simulation.runUntil(scenario.duration());
        return seen;
    }

    @Test
    void twoAlgorithmsSeeTheSameArrivalTimesWorkAndAddressesForEachRequest() {
        Scenario scenario = slowInstance(true);
        Map<Long, Seen> roundRobin = dispatched(scenario, "round-robin", false, 0);
        Map<Long, Seen> leastConnections = dispatched(scenario, "least-connections", false, 0);

        assertThat(roundRobin).hasSizeGreaterThan(8_000);
        assertThat(leastConnections.keySet()).containsAll(roundRobin.keySet());
        roundRobin.forEach((sequence, request) -> assertThat(leastConnections.get(sequence)).as("request %d", sequence).isEqualTo(request));
    }

    /**
     * Without a security group, addresses are drawn only when an address-keyed algorithm first
     * looks: a side that switches to ip-hash late would give its later requests other addresses
     * than a side that hashed from the start. A comparison therefore draws every address on
     * arrival, on both sides.
     */
    @Test
    void drawingEveryAddressOnArrivalKeepsAddressesPairedWhenOneSideSwitchesToAnAddressKeyedAlgorithm() {
        Scenario hashingLate = slowInstance(false, new EventSpec.SetAlgorithm(30, "ip-hash"));
        Map<Long, Seen> fromTheStart = dispatched(slowInstance(false), "ip-hash", true, 30);
        Map<Long, Seen> late = dispatched(hashingLate, "round-robin", true, 30);
        assertThat(late).hasSizeGreaterThan(3_000);
        late.forEach((sequence, request) -> assertThat(fromTheStart.get(sequence)).as("request %d", sequence).isEqualTo(request));

        Map<Long, Seen> lazyFromTheStart = dispatched(slowInstance(false), "ip-hash", false, 30);
        Map<Long, Seen> lazyLate = dispatched(hashingLate, "round-robin", false, 30);
        assertThat(lazyLate.keySet()).allSatisfy(sequence ->
                assertThat(lazyLate.get(sequence).sentAt()).isEqualTo(lazyFromTheStart.get(sequence).sentAt()));
        long otherAddress = lazyLate.keySet().stream()
                .filter(sequence -> !lazyLate.get(sequence).from().equals(lazyFromTheStart.get(sequence).from())).count();
        assertThat(otherAddress).as("drawn lazily, most of the late side's addresses are other ones").isGreaterThan(lazyLate.size() / 2);
    }
}
