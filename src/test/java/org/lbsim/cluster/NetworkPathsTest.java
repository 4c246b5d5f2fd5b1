package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lbsim.cluster.NetworkAclTest.allow;
import static org.lbsim.cluster.NetworkAclTest.deny;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.AclRuleSpec;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.engine.Simulation;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.NetworkAclResult;
import org.lbsim.metrics.RequestCounts;
import org.lbsim.metrics.RunResult;
import org.lbsim.support.TestScenarios;

/**
 * Network ACLs on the real paths: client to balancer, balancer to servers, health checks, and
 * the answers coming back through stateless rules; and security-group rules changed live.
 */
class NetworkPathsTest {

    private static final List<AclRuleSpec> PUBLIC_IN = List.of(
            allow(100, 80, 80, "0.0.0.0/0"), allow(101, 80, 80, "::/0"), allow(110, 1024, 65535, "10.0.1.0/24"));
    /** Forwarding to the servers, and... nothing for the answers to the clients' ephemeral ports. */
    private static final List<AclRuleSpec> PUBLIC_OUT_FORGETS_EPHEMERAL = List.of(allow(100, 80, 80, "10.0.1.0/24"));
    private static final List<AclRuleSpec> PUBLIC_OUT_FIXED = List.of(allow(100, 80, 80, "10.0.1.0/24"),
            allow(110, 32768, 60999, "0.0.0.0/0"), allow(111, 32768, 60999, "::/0"));

    private static ClientSpec client(String name, double timeout, String... sources) {
        return new ClientSpec(name, new ArrivalSpec.Poisson(20), new DistributionSpec.Exponential(0.01), Protocol.TCP, 80,
                List.of(sources).stream().map(Cidr::parse).toList(), ClientSpec.BALANCER, timeout);
    }

    private static TestScenarios twoServers() {
        return scenario().duration(300, 0).healthCheck(new HealthCheckSpec(80, 10, 5, 3, 2))
                .server("a", 4, ServerSpec.UNLIMITED_QUEUE).server("b", 4, ServerSpec.UNLIMITED_QUEUE);
    }

    private static RunResult run(Scenario scenario) {
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(scenario, Algorithms.standard(), simulation);
        cluster.start();
        simulation.runUntil(scenario.duration());
        return cluster.results(new EngineStats(0, 0, 0));
    }

    private static NetworkAclResult acl(RunResult result, String name) {
        return result.networkAcls().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static long hits(NetworkAclResult acl, String direction, int number) {
        return acl.rules().stream().filter(r -> r.direction().equals(direction) && r.number() == number)
                .findFirst().orElseThrow().hits();
    }

    @Test
    void forgettingTheEphemeralPortsOutboundMakesEveryAdmittedRequestTimeOut() {
        Scenario broken = twoServers().client(client("users", 2, "0.0.0.0/0"))
                .networkAcl(new NetworkAclSpec("public", List.of("balancer"), PUBLIC_IN, PUBLIC_OUT_FORGETS_EPHEMERAL))
                .build();

        RequestCounts counts = run(broken).requests();

        assertThat(counts.offered()).isGreaterThan(5000);
        assertThat(counts.completed()).isZero();
        assertThat(counts.denied()).isZero();
        assertThat(counts.timedOut() + counts.inFlight()).isEqualTo(counts.offered());
        assertThat(counts.inFlight()).as("only the last 2 s still wait").isLessThan(100);
    }

    @Test
    void addingTheOutboundEphemeralRuleFixesIt() {
        Scenario fixed = twoServers().client(client("users", 2, "0.0.0.0/0", "2001:db8::/32"))
                .networkAcl(new NetworkAclSpec("public", List.of("balancer"), PUBLIC_IN, PUBLIC_OUT_FIXED))
                .build();

        RunResult result = run(fixed);

        RequestCounts counts = result.requests();
        assertThat(counts.timedOut()).isZero();
        assertThat(counts.completed() + counts.inFlight()).isEqualTo(counts.offered());
        NetworkAclResult acl = acl(result, "public");
        assertThat(acl.denied()).isZero();
        // Every request: its SYN in (IPv4 or IPv6 rule), the SYN-ACK out, the forward, the server's answer in.
        assertThat(hits(acl, "inbound", 100) + hits(acl, "inbound", 101)).isEqualTo(counts.offered());
        assertThat(hits(acl, "inbound", 101)).as("half the clients come from IPv6").isBetween(
                counts.offered() * 4 / 10, counts.offered() * 6 / 10);
        assertThat(hits(acl, "outbound", 110) + hits(acl, "outbound", 111)).isEqualTo(counts.offered());
        assertThat(hits(acl, "outbound", 100)).isEqualTo(counts.offered());
        assertThat(hits(acl, "inbound", 110)).isEqualTo(counts.offered());
    }

    @Test
    void withoutAClientTimeoutTheClientFailsWhenItsTcpStackGivesUp() {
        Scenario broken = twoServers().duration(300, 0).client(client("users", Double.POSITIVE_INFINITY, "0.0.0.0/0"))
                .networkAcl(new NetworkAclSpec("public", List.of("balancer"), PUBLIC_IN, PUBLIC_OUT_FORGETS_EPHEMERAL))
                .build();

        RequestCounts counts = run(broken).requests();

        assertThat(counts.timedOut()).isZero();
        assertThat(counts.failed()).as("sent before %s s from the end", RequestLedger.CONNECT_GIVE_UP)
                .isBetween(counts.offered() * 50 / 100, counts.offered() * 65 / 100);
        assertThat(counts.failed() + counts.inFlight()).isEqualTo(counts.offered());
    }

    @Test
    void anInboundDenyIsADenialAndTheDenyRuleCountsIt() {
        List<AclRuleSpec> inbound = List.of(deny(90, 80, 80, "198.51.100.0/24"), allow(100, 80, 80, "0.0.0.0/0"),
                allow(110, 1024, 65535, "10.0.1.0/24"));
        Scenario blocking = twoServers().client(client("blocked", 2, "198.51.100.0/24"))
                .client(client("others", 2, "203.0.113.0/24"))
                .networkAcl(new NetworkAclSpec("public", List.of("balancer"), inbound, PUBLIC_OUT_FIXED))
                .build();

        RunResult result = run(blocking);

        NetworkAclResult acl = acl(result, "public");
        assertThat(result.requests().denied()).isEqualTo(hits(acl, "inbound", 90)).isPositive();
        assertThat(acl.denied()).isEqualTo(hits(acl, "inbound", 90));
        assertThat(hits(acl, "inbound", 100)).isEqualTo(result.requests().completed() + result.requests().inFlight());
    }

    /** The servers' subnet admits the balancer on 80 but lets answers out only to port 80. */
    private static NetworkAclSpec privateAcl(String server, boolean fixed) {
        List<AclRuleSpec> outbound = fixed ? List.of(allow(100, 1024, 65535, "10.0.0.0/24"))
                : List.of(allow(100, 80, 80, "0.0.0.0/0"));
        return new NetworkAclSpec("private", List.of(server), List.of(allow(100, 80, 80, "10.0.0.0/24")), outbound);
    }

    @Test
    void healthChecksBlockedByANetworkAclKeepTheBackendUnhealthy() {
        Scenario broken = twoServers().client(client("users", 2, "0.0.0.0/0")).networkAcl(privateAcl("a", false)).build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(broken, Algorithms.standard(), simulation);
        cluster.start();
        simulation.runUntil(broken.duration());
        RunResult result = cluster.results(new EngineStats(0, 0, 0));

        assertThat(cluster.balancer().backends().get(0).healthy()).isFalse();
        assertThat(cluster.balancer().backends().get(1).healthy()).isTrue();
        assertThat(result.balancer().markedDown()).isEqualTo(1);
        assertThat(result.balancer().markedUp()).isZero();
        assertThat(result.servers().get(0).completed()).as("its answers never get out").isZero();
        // Until the checks noticed, round robin sent every other request to a: their clients timed out.
        assertThat(result.requests().timedOut()).isPositive().isLessThan(result.requests().offered() / 10);
        assertThat(acl(result, "private").denied()).isEqualTo(result.requests().timedOut());
    }

    @Test
    void withTheOutboundRuleFixedTheBackendStaysHealthyAndServes() {
        Scenario fixed = twoServers().client(client("users", 2, "0.0.0.0/0")).networkAcl(privateAcl("a", true)).build();

        RunResult result = run(fixed);

        assertThat(result.balancer().markedDown()).isZero();
        assertThat(result.servers().get(0).completed()).isPositive();
        assertThat(result.requests().timedOut()).isZero();
    }

    @Test
    void anAllowEverythingAclChangesNoRandomNumberOfTheRun() {
        List<AclRuleSpec> all = List.of(new AclRuleSpec(100, true, Protocol.ALL, 0, 65535, Cidr.parse("0.0.0.0/0")));
        Scenario plain = twoServers().client(client("users", 2, "0.0.0.0/0")).build();
        Scenario withAcl = twoServers().client(client("users", 2, "0.0.0.0/0"))
                .networkAcl(new NetworkAclSpec("open", List.of("balancer", "a", "b"), all, all)).build();

        RunResult before = run(plain);
        RunResult after = run(withAcl);

        assertThat(after.requests()).isEqualTo(before.requests());
        assertThat(after.latency()).isEqualTo(before.latency());
    }

    @Test
    void aSecurityRuleChangedLiveOpensAndClosesTheGatewayAtThoseTimes() {
        RuleSpec office = new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.parse("198.51.100.0/24")));
        RuleSpec anyone = new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.parse("0.0.0.0/0")));
        Scenario gateway = twoServers().duration(300, 0)
                .client(client("office", 2, "198.51.100.0/24")).client(client("internet", 2, "203.0.113.0/24"))
                .securityGroup(new SecurityGroupSpec("lb-sg", List.of(office))).balancerGroup("lb-sg")
                .event(new EventSpec.SetSecurityRule(100, "lb-sg", List.of(office, anyone)))
                .event(new EventSpec.SetSecurityRule(200, "lb-sg", List.of(office)))
                .build();
        Simulation simulation = new Simulation();
        Cluster cluster = new Cluster(gateway, Algorithms.standard(), simulation);
        cluster.start();

        simulation.runUntil(100);
        long deniedWhileClosed = cluster.snapshot().totals().denied();
        simulation.runUntil(199.999); // just before the closing event
        long deniedWhileOpen = cluster.snapshot().totals().denied() - deniedWhileClosed;
        RunResult atClosing = cluster.results(new EngineStats(0, 0, 0));
        simulation.runUntil(300);
        long deniedAfterClosing = cluster.snapshot().totals().denied() - deniedWhileClosed - deniedWhileOpen;
        RunResult end = cluster.results(new EngineStats(0, 0, 0));

        assertThat(deniedWhileClosed).as("about 20/s from the internet for 100 s").isBetween(1600L, 2400L);
        assertThat(deniedWhileOpen).isZero();
        assertThat(deniedAfterClosing).isBetween(1600L, 2400L);
        // While open, the new second rule admitted the internet's requests; after closing the rules (and counts) restart.
        assertThat(atClosing.securityGroups().get(0).rules()).hasSize(2);
        assertThat(atClosing.securityGroups().get(0).rules().get(1).hits()).isBetween(1600L, 2400L);
        assertThat(end.securityGroups().get(0).rules()).hasSize(1);
        assertThat(end.securityGroups().get(0).rules().get(0).hits()).isBetween(1600L, 2400L);
        assertThat(end.securityGroups().get(0).denied()).isEqualTo(deniedWhileClosed + deniedAfterClosing);
    }
}
