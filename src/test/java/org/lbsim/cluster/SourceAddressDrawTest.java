package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.RandomStreams;
import org.lbsim.engine.Simulation;

/**
 * A request's source address is drawn when something first looks at it. Whatever looks (here a
 * security group, or a dispatch observer standing for an address-keyed algorithm) looks at every
 * request on arrival, so the n-th request must get the n-th address its client's own stream
 * gives: the addresses a draw at every arrival would give.
 */
class SourceAddressDrawTest {

    private static final List<Cidr> BLOCKS = List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.168.7.0/24"),
            Cidr.parse("2001:db8::/32"));

    private static Scenario twoServers(boolean securityGroup) {
        ClientSpec client = new ClientSpec("users", new ArrivalSpec.Poisson(200), new DistributionSpec.Exponential(0.004),
                List.of(), Protocol.TCP, 80, BLOCKS, ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        var builder = scenario().seed(9).duration(20, 0).client(client)
                .server("a", 1, ServerSpec.UNLIMITED_QUEUE).server("b", 1, ServerSpec.UNLIMITED_QUEUE);
        if (securityGroup) {
            builder.securityGroup(new SecurityGroupSpec("lb-sg", List.of(
                    new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.parse("0.0.0.0/0"))),
                    new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.parse("::/0"))))))
                    .balancerGroup("lb-sg");
        }
        return builder.build();
    }

    /** The addresses the dispatched requests carry, in order. */
    private static List<String> dispatchedAddresses(Scenario scenario) {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        List<String> seen = new ArrayList<>();
        cluster.balancer().observe((request, backend) -> seen.add(request.from().toString()));
        cluster.start();
        simulation.runUntil(scenario.duration());
        return seen;
    }

    /** The first {@code count} addresses of the client's own stream. */
    private static List<String> drawnInOrder(Scenario scenario, int count) {
        AddressSampler sampler = new AddressSampler(BLOCKS, new RandomStreams(scenario.seed()).stream("clients.users.sources"));
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Address address = new Address();
            sampler.sample(address);
            addresses.add(address.toString());
        }
        return addresses;
    }

    @Test
    void aSecurityGroupLooksAtEveryRequestOnArrivalSoEachGetsItsArrivalsDraw() {
        Scenario withGroup = twoServers(true);
        List<String> seen = dispatchedAddresses(withGroup);
        assertThat(seen).hasSizeGreaterThan(3_000);
        assertThat(seen).isEqualTo(drawnInOrder(withGroup, seen.size()));
    }

    @Test
    void withNothingElseLookingTheFirstLookStillGivesTheArrivalOrder() {
        Scenario plain = twoServers(false);
        List<String> seen = dispatchedAddresses(plain);
        assertThat(seen).isEqualTo(drawnInOrder(plain, seen.size()));
        assertThat(seen).anyMatch(address -> address.startsWith("10.")).anyMatch(address -> address.startsWith("192.168.7."))
                .anyMatch(address -> address.startsWith("2001:db8:"));
    }
}
