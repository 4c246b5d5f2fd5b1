package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lbsim.support.TestScenarios.scenario;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.support.TestScenarios;
import org.lbsim.theory.JoinShortestQueue;
import org.lbsim.theory.PowerOfD;
import org.lbsim.theory.Queues;

/** Which closed form, if any, each small scenario is, and every assumption that keeps one from applying. */
class ClosedFormCheckTest {

    private static final int UNLIMITED = ServerSpec.UNLIMITED_QUEUE;
    private static final List<Cidr> ANYWHERE = List.of(Cidr.parse("0.0.0.0/0"));

    private static ClientSpec client(String name, ArrivalSpec arrivals, DistributionSpec service) {
        return new ClientSpec(name, arrivals, service, Protocol.TCP, 80, ANYWHERE, ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
    }

    private static TestScenarios servers(TestScenarios builder, int n, int workers, int queue) {
        for (int i = 0; i < n; i++) builder.server("s" + i, workers, queue);
        return builder;
    }

    private static ClosedForm.Prediction predicted(Scenario scenario) {
        ClosedForm form = ClosedFormCheck.of(scenario);
        assertThat(form).isInstanceOf(ClosedForm.Prediction.class);
        return (ClosedForm.Prediction) form;
    }

    private static List<String> reasons(Scenario scenario) {
        ClosedForm form = ClosedFormCheck.of(scenario);
        assertThat(form).isInstanceOf(ClosedForm.NoClosedForm.class);
        return ((ClosedForm.NoClosedForm) form).reasons();
    }

    @Test
    void oneSingleWorkerServer_isMM1() {
        var p = predicted(servers(scenario().poissonClient("u", 8, 0.1), 1, 1, UNLIMITED).build());
        assertThat(p.model()).isEqualTo("M/M/1");
        assertThat(p.responseTime()).isCloseTo(0.5, within(1e-12));
        assertThat(p.utilization()).isCloseTo(0.8, within(1e-12));
        assertThat(p.waitingProbability()).hasValue(0.8);
        assertThat(p.lossProbability()).isEmpty();
        assertThat(p.exact()).isTrue();
    }

    @Test
    void oneServerOfSeveralWorkers_isErlangC_andSpeedDividesTheWork() {
        var p = predicted(scenario().poissonClient("u", 2.4, 1)
                .server(new ServerSpec("only", null, 3, UNLIMITED, 2.0, 1, List.of())).build());
        assertThat(p.model()).isEqualTo("M/M/3 (Erlang C)");
        assertThat(p.responseTime()).isCloseTo(Queues.mmcResponseTime(3, 2.4, 2), within(1e-12));
        assertThat(p.waitingProbability()).hasValue(Queues.erlangC(3, 1.2));
    }

    @Test
    void noRoomToWait_isErlangB_whateverTheServiceLaw() {
        var p = predicted(scenario().client(client("u", new ArrivalSpec.Poisson(2), new DistributionSpec.Lognormal(1, 2)))
                .server("only", 3, 0).build());
        assertThat(p.model()).isEqualTo("M/G/3/3 (Erlang B)");
        assertThat(p.lossProbability()).hasValue(Queues.erlangB(3, 2));
        assertThat(p.responseTime()).isEqualTo(1);
    }

    @Test
    void aFiniteQueue_isMMcK_onlyForExponentialWork() {
        var p = predicted(scenario().poissonClient("u", 2, 1).server("only", 2, 3).build());
        assertThat(p.model()).isEqualTo("M/M/2/5");
        assertThat(p.lossProbability()).hasValue(Queues.mmckBlocking(2, 5, 2, 1));
        assertThat(p.responseTime()).isCloseTo(Queues.mmckResponseTime(2, 5, 2, 1), within(1e-12));
        assertThat(reasons(scenario().client(client("u", new ArrivalSpec.Poisson(2), new DistributionSpec.Constant(1)))
                .server("only", 2, 3).build())).containsExactly("service times are constant and the queue is finite "
                + "(M/G/2/K has no closed form)");
    }

    @Test
    void otherWorkOnOneWorker_isPollaczekKhinchine() {
        var constant = predicted(scenario().client(client("u", new ArrivalSpec.Poisson(0.5), new DistributionSpec.Constant(1)))
                .server("only", 1, UNLIMITED).build());
        assertThat(constant.model()).isEqualTo("M/D/1 (Pollaczek–Khinchine)");
        assertThat(constant.responseTime()).isCloseTo(1.5, within(1e-12));
        var lognormal = predicted(scenario().client(client("u", new ArrivalSpec.Poisson(0.5), new DistributionSpec.Lognormal(1, 2)))
                .server("only", 1, UNLIMITED).build());
        assertThat(lognormal.model()).isEqualTo("M/G/1 (Pollaczek–Khinchine)");
        assertThat(lognormal.responseTime()).isCloseTo(Queues.mg1ResponseTime(0.5, 1, 2), within(1e-9));
    }

    @Test
    void aMixOfClasses_isOneServiceLaw_theMixture() {
        // Half 1 s and half 3 s, constant: mean 2, second moment 5, cv² = 5/4 − 1.
        var mix = List.of(new RequestClassSpec("a", 1, new DistributionSpec.Constant(1)),
                new RequestClassSpec("b", 1, new DistributionSpec.Constant(3)));
        var p = predicted(scenario().client(new ClientSpec("u", new ArrivalSpec.Poisson(0.25), null, mix, Protocol.TCP, 80,
                ANYWHERE, ClientSpec.BALANCER, Double.POSITIVE_INFINITY)).server("only", 1, UNLIMITED).build());
        assertThat(p.model()).isEqualTo("M/G/1 (Pollaczek–Khinchine)");
        assertThat(p.responseTime()).isCloseTo(Queues.mg1ResponseTime(0.25, 2, 0.5), within(1e-12));
    }

    @Test
    void manyWorkersWithOtherWork_orAHeavyTail_orOverload_haveNone() {
        assertThat(reasons(scenario().client(client("u", new ArrivalSpec.Poisson(1), new DistributionSpec.Lognormal(1, 2)))
                .server("only", 2, UNLIMITED).build()))
                .containsExactly("service times are lognormal and a server has 2 workers (M/G/c has no closed form)");
        assertThat(reasons(scenario().client(client("u", new ArrivalSpec.Poisson(0.1), new DistributionSpec.Pareto(1, 1.5)))
                .server("only", 1, UNLIMITED).build()).get(0)).contains("infinite variance");
        assertThat(reasons(scenario().poissonClient("u", 12, 0.1).server("only", 1, UNLIMITED).build()).get(0))
                .contains("1.2 of the capacity", "no steady state");
    }

    @Test
    void random_splitsIntoIndependentQueues() {
        var p = predicted(servers(scenario().algorithm("random").poissonClient("u", 1.4, 1), 2, 1, UNLIMITED).build());
        assertThat(p.model()).isEqualTo("2 × M/M/1 (random split)");
        assertThat(p.responseTime()).isCloseTo(Queues.mm1ResponseTime(0.7, 1), within(1e-12));
        // Servers of different speeds under random: each its own queue at half the rate.
        var mixed = predicted(scenario().algorithm("random").poissonClient("u", 1.4, 1)
                .server(new ServerSpec("slow", null, 1, UNLIMITED, 1.0, 1, List.of()))
                .server(new ServerSpec("fast", null, 1, UNLIMITED, 2.0, 1, List.of())).build());
        assertThat(mixed.responseTime()).isCloseTo((Queues.mm1ResponseTime(0.7, 1) + Queues.mm1ResponseTime(0.7, 2)) / 2,
                within(1e-12));
        assertThat(mixed.model()).startsWith("independent queues");
    }

    @Test
    void weightedRandom_splitsByWeight_andLossesWeighTheMean() {
        var p = predicted(scenario().algorithm("weighted-random").poissonClient("u", 3, 1)
                .server(new ServerSpec("a", null, 1, UNLIMITED, 1.0, 1, List.of()))
                .server(new ServerSpec("b", null, 1, UNLIMITED, 3.0, 3, List.of())).build());
        assertThat(p.responseTime()).isCloseTo(0.25 * Queues.mm1ResponseTime(0.75, 1) + 0.75 * Queues.mm1ResponseTime(2.25, 3),
                within(1e-12));
    }

    @Test
    void roundRobin_overIdenticalServers_isEnM1() {
        var p = predicted(servers(scenario().algorithm("round-robin").poissonClient("u", 1.6, 1), 2, 1, UNLIMITED).build());
        double sigma = 0.5;
        for (int i = 0; i < 10_000; i++) sigma = Math.pow(1.6 / (1.6 + (1 - sigma)), 2);
        assertThat(p.model()).isEqualTo("E2/M/1 per server (round-robin)");
        assertThat(p.responseTime()).isCloseTo(1 / (1 - sigma), within(1e-9));
        assertThat(reasons(scenario().algorithm("round-robin").poissonClient("u", 1.6, 1).server("a", 1, UNLIMITED)
                .server(new ServerSpec("b", null, 1, UNLIMITED, 2.0, 1, List.of())).build()))
                .containsExactly("the servers differ in capacity (workers, speed or queue)");
        assertThat(reasons(servers(scenario().algorithm("round-robin").poissonClient("u", 1.6, 1), 2, 2, UNLIMITED).build()))
                .containsExactly("the servers have 2 workers each (round-robin is solved for one)");
    }

    @Test
    void leastConnections_overTwoServers_isJoinTheShortestQueue_andNotOverThree() {
        var p = predicted(servers(scenario().algorithm("least-connections").poissonClient("u", 1.6, 1), 2, 1, UNLIMITED).build());
        assertThat(p.responseTime()).isCloseTo(JoinShortestQueue.twoServerResponseTime(1.6, 1), within(1e-12));
        // power-of-d with as many choices as servers compares them all: the same queue.
        var allChoices = predicted(servers(scenario().algorithm("power-of-d", Map.of("choices", "2"))
                .poissonClient("u", 1.6, 1), 2, 1, UNLIMITED).build());
        assertThat(allChoices.responseTime()).isEqualTo(p.responseTime());
        assertThat(reasons(servers(scenario().algorithm("least-connections").poissonClient("u", 1.6, 1), 3, 1, UNLIMITED).build()))
                .containsExactly("join-the-shortest-queue is solved exactly for two servers only, not 3");
        assertThat(reasons(servers(scenario().algorithm("least-connections").poissonClient("u", 1.98, 1), 2, 1, UNLIMITED).build())
                .get(0)).contains("0.99 is above 0.95");
        assertThat(reasons(servers(scenario().algorithm("least-connections").client(client("u", new ArrivalSpec.Poisson(1),
                new DistributionSpec.Lognormal(1, 2))), 2, 1, UNLIMITED).build())).containsExactly("service times are lognormal");
    }

    @Test
    void powerOfD_isTheMeanField_onlyOverManyServers() {
        var p = predicted(servers(scenario().algorithm("power-of-d", Map.of("choices", "2")).poissonClient("u", 0.9 * 128, 1),
                128, 1, UNLIMITED).build());
        assertThat(p.exact()).isFalse();
        assertThat(p.responseTime()).isCloseTo(PowerOfD.meanFieldResponseTime(0.9, 2, 1), within(1e-12));
        assertThat(p.notes()).anyMatch(n -> n.contains("exact only as the number of servers grows"));
        assertThat(reasons(servers(scenario().algorithm("power-of-d", Map.of("choices", "2")).poissonClient("u", 7.2, 1),
                8, 1, UNLIMITED).build()).get(0)).contains("many servers", "not 8");
    }

    @Test
    void otherAlgorithms_haveNone_exceptOverOneServer() {
        assertThat(reasons(servers(scenario().algorithm("least-response-time").poissonClient("u", 1, 1), 2, 1, UNLIMITED).build()))
                .containsExactly("no closed form is known for least-response-time over 2 servers");
        assertThat(predicted(servers(scenario().algorithm("least-response-time").poissonClient("u", 0.5, 1), 1, 1, UNLIMITED)
                .build()).model()).isEqualTo("M/M/1");
    }

    @Test
    void poissonClients_merge_andOtherArrivalsDoNot() {
        var p = predicted(servers(scenario().poissonClient("a", 0.3, 1).poissonClient("b", 0.2, 1), 1, 1, UNLIMITED).build());
        assertThat(p.responseTime()).isCloseTo(Queues.mm1ResponseTime(0.5, 1), within(1e-12));
        assertThat(p.notes()).contains("2 Poisson clients merge into one Poisson stream");
        var exp = new DistributionSpec.Exponential(1);
        List<String> why = reasons(scenario()
                .client(client("bursts", new ArrivalSpec.Mmpp(List.of(new ArrivalSpec.MmppState(1, 10), new ArrivalSpec.MmppState(0, 10))), exp))
                .client(client("even", new ArrivalSpec.Constant(0.1), exp))
                .client(client("users", new ArrivalSpec.Closed(5, exp), exp))
                .client(client("daily", new ArrivalSpec.Poisson(new RateSchedule.Cycle(0.1, 0.2, 0, 86400)), exp))
                .server("only", 1, UNLIMITED).build());
        assertThat(why).containsExactly("arrivals are not Poisson (on/off bursts, an MMPP) (client bursts)",
                "arrivals are not Poisson (evenly spaced) (client even)",
                "arrivals are not Poisson (5 closed-loop users wait for each answer) (client users)",
                "the arrival rate changes over time (client daily)");
    }

    @Test
    void clientsThatGiveUpOrMissTheBalancer_haveNone() {
        var exp = new DistributionSpec.Exponential(1);
        List<String> why = reasons(scenario()
                .client(new ClientSpec("impatient", new ArrivalSpec.Poisson(0.1), exp, Protocol.TCP, 80, ANYWHERE,
                        ClientSpec.BALANCER, 5))
                .client(new ClientSpec("direct", new ArrivalSpec.Poisson(0.1), exp, Protocol.TCP, 80, ANYWHERE, "only",
                        Double.POSITIVE_INFINITY))
                .client(new ClientSpec("elsewhere", new ArrivalSpec.Poisson(0.1), exp, Protocol.TCP, 8080, ANYWHERE,
                        ClientSpec.BALANCER, Double.POSITIVE_INFINITY))
                .server("only", 1, UNLIMITED).build());
        assertThat(why).containsExactly("timeouts cut requests short (client impatient gives up after 5 s)",
                "client direct sends straight to only, past the balancer",
                "client elsewhere's requests find no listener (tcp port 8080)");
    }

    @Test
    void aClusterThatChanges_hasNone() {
        List<String> why = reasons(scenario().poissonClient("u", 0.5, 1)
                .server("a", 1, UNLIMITED, List.of(new FailureSpec.Scheduled(100, 10)))
                .server("b", 1, UNLIMITED, List.of(new FailureSpec.Random(1000, 10)))
                .event(new EventSpec.SetRate(50, "u", 0.6))
                .healthCheck(new HealthCheckSpec(80, 10, 5, 3, 2, true, 0.001))
                .policies(BalancerPolicies.DEFAULTS.withStickiness(new BalancerPolicies.StickinessSpec(3600)))
                .build());
        assertThat(why).containsExactly("failures are scheduled (a)", "servers fail at random (b)",
                "scripted events change the run (1 under events:)",
                "health checks run in band (probes queue with the requests)", "sticky sessions pin clients to servers");
    }

    @Test
    void securityGroups_thinByAddress_andMustLetTheBalancerThrough() {
        // Sources 10.0.0.0/8 and 192.0.2.0/24, a rule admitting 10.0.0.0/9: half of one block, none of the other.
        var halfOfOne = new SecurityGroupSpec("lb-sg", List.of(new RuleSpec(Protocol.TCP, 80, 80,
                new RuleSpec.FromCidr(Cidr.parse("10.0.0.0/9")))));
        var client = new ClientSpec("u", new ArrivalSpec.Poisson(2), new DistributionSpec.Exponential(0.1), Protocol.TCP, 80,
                List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.0.2.0/24")), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        var thinned = predicted(scenario().client(client).securityGroup(halfOfOne).balancerGroup("lb-sg")
                .server("only", 1, UNLIMITED).build());
        assertThat(thinned.responseTime()).isCloseTo(Queues.mm1ResponseTime(0.5, 10), within(1e-12));
        assertThat(thinned.notes()).anyMatch(n -> n.contains("admits 25% of client u's requests"));

        var elsewhere = new SecurityGroupSpec("lb-sg", List.of(new RuleSpec(Protocol.TCP, 443, 443,
                new RuleSpec.FromCidr(Cidr.parse("0.0.0.0/0")))));
        assertThat(reasons(scenario().client(client).securityGroup(elsewhere).balancerGroup("lb-sg")
                .server("only", 1, UNLIMITED).build())).containsExactly("no client's requests reach the servers");
        // A client the group refuses entirely loads nothing: the other's queue is what it would be alone.
        var admitted = new ClientSpec("other", new ArrivalSpec.Poisson(5), new DistributionSpec.Exponential(0.1),
                Protocol.TCP, 80, List.of(Cidr.parse("198.51.100.0/24")), ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        var refused = predicted(scenario().client(client).client(admitted)
                .securityGroup(new SecurityGroupSpec("lb-sg", List.of(new RuleSpec(Protocol.TCP, 80, 80,
                        new RuleSpec.FromCidr(Cidr.parse("198.51.100.0/24")))))).balancerGroup("lb-sg")
                .server("only", 1, UNLIMITED).build());
        assertThat(refused.responseTime()).isCloseTo(Queues.mm1ResponseTime(5, 10), within(1e-12));
        assertThat(refused.notes()).containsExactly("security group lb-sg refuses every request of client u: they load nothing");

        var webOnlyFromOthers = new SecurityGroupSpec("web-sg", List.of(new RuleSpec(Protocol.TCP, 80, 80,
                new RuleSpec.FromGroup("other"))));
        var fromBalancer = new SecurityGroupSpec("web-sg2", List.of(new RuleSpec(Protocol.TCP, 0, 65535,
                new RuleSpec.FromGroup("lb-sg"))));
        var open = new SecurityGroupSpec("lb-sg", List.of(new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromCidr(Cidr.parse("0.0.0.0/0")))));
        assertThat(reasons(scenario().client(client).securityGroup(open).securityGroup(webOnlyFromOthers)
                .securityGroup(new SecurityGroupSpec("other", List.of())).balancerGroup("lb-sg")
                .server(new ServerSpec("web", "web-sg", 1, UNLIMITED, 1, 1, List.of())).build()))
                .containsExactly("server web's security group refuses the balancer on port 80");
        // A port the balancer's group refuses never reaches a server: the server's group need not admit it.
        var scanners = new ClientSpec("scanners", new ArrivalSpec.Poisson(1), new DistributionSpec.Constant(0.001),
                Protocol.TCP, 22, ANYWHERE, ClientSpec.BALANCER, Double.POSITIVE_INFINITY);
        var webPort80 = new SecurityGroupSpec("web-sg", List.of(new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromGroup("lb-sg"))));
        var p = predicted(scenario().client(client).client(scanners).securityGroup(open).securityGroup(webPort80)
                .balancerGroup("lb-sg").server(new ServerSpec("web", "web-sg", 1, UNLIMITED, 1, 1, List.of())).build());
        assertThat(p.notes()).containsExactly("security group lb-sg refuses every request of client scanners: they load nothing");
        assertThat(predicted(scenario().client(client).securityGroup(open).securityGroup(fromBalancer).balancerGroup("lb-sg")
                .server(new ServerSpec("web", "web-sg2", 1, UNLIMITED, 1, 1, List.of())).build()).notes()).isEmpty();
    }

    @Test
    void everyFailingAssumptionIsListed_notOnlyTheFirst() {
        var scenario = scenario().client(new ClientSpec("u", new ArrivalSpec.Constant(1), new DistributionSpec.Exponential(0.1),
                        Protocol.TCP, 80, ANYWHERE, ClientSpec.BALANCER, 2))
                .server("a", 1, UNLIMITED, List.of(new FailureSpec.Scheduled(100, 10))).build();
        assertThat(reasons(scenario)).hasSize(3);
    }
}
