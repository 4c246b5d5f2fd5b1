package org.lbsim.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;

/** Builds scenarios in code for model tests, so they do not depend on the YAML loader. */
public final class TestScenarios {

    private String algorithm = "round-robin";
    private Map<String, String> algorithmParameters = Map.of();
    private double duration = 1000;
    private double warmup = 100;
    private long seed = 1;
    private final List<ClientSpec> clients = new ArrayList<>();
    private final List<ServerSpec> servers = new ArrayList<>();
    private final List<SecurityGroupSpec> groups = new ArrayList<>();
    private final List<EventSpec> events = new ArrayList<>();
    private final List<NetworkAclSpec> acls = new ArrayList<>();
    private String balancerGroup;
    private org.lbsim.cluster.spec.AutoscalingSpec autoscaling;
    private org.lbsim.cluster.spec.BalancerPolicies policies = org.lbsim.cluster.spec.BalancerPolicies.DEFAULTS;
    private HealthCheckSpec healthCheck = new HealthCheckSpec(80, 10, 5, 3, 2);

    public static TestScenarios scenario() {
        return new TestScenarios();
    }

    public TestScenarios algorithm(String name) {
        algorithm = name;
        return this;
    }

    /** An algorithm with parameters as the loader hands them on (durations in seconds). */
    public TestScenarios algorithm(String name, Map<String, String> parameters) {
        algorithm = name;
        algorithmParameters = parameters;
        return this;
    }

    public TestScenarios duration(double seconds, double warmupSeconds) {
        duration = seconds;
        warmup = warmupSeconds;
        return this;
    }

    public TestScenarios seed(long value) {
        seed = value;
        return this;
    }

    /** Poisson arrivals to the balancer on port 80 from anywhere, exponential work. */
    public TestScenarios poissonClient(String name, double rate, double meanWork) {
        return client(new ClientSpec(name, new ArrivalSpec.Poisson(rate), new DistributionSpec.Exponential(meanWork),
                Protocol.TCP, 80, List.of(Cidr.parse("0.0.0.0/0")), ClientSpec.BALANCER, Double.POSITIVE_INFINITY));
    }

    public TestScenarios client(ClientSpec client) {
        clients.add(client);
        return this;
    }

    public TestScenarios server(String name, int workers, int queueCapacity) {
        return server(new ServerSpec(name, null, workers, queueCapacity, 1.0, 1, List.of()));
    }

    public TestScenarios server(String name, int workers, int queueCapacity, List<FailureSpec> failures) {
        return server(new ServerSpec(name, null, workers, queueCapacity, 1.0, 1, failures));
    }

    public TestScenarios server(ServerSpec server) {
        servers.add(server);
        return this;
    }

    public TestScenarios securityGroup(SecurityGroupSpec group) {
        groups.add(group);
        return this;
    }

    public TestScenarios networkAcl(NetworkAclSpec acl) {
        acls.add(acl);
        return this;
    }

    public TestScenarios balancerGroup(String group) {
        balancerGroup = group;
        return this;
    }

    public TestScenarios healthCheck(HealthCheckSpec spec) {
        healthCheck = spec;
        return this;
    }

    public TestScenarios event(EventSpec event) {
        events.add(event);
        return this;
    }

    public TestScenarios policies(org.lbsim.cluster.spec.BalancerPolicies value) {
        policies = value;
        return this;
    }

    public TestScenarios autoscaling(org.lbsim.cluster.spec.AutoscalingSpec spec) {
        autoscaling = spec;
        return this;
    }

    public Scenario build() {
        return new Scenario("test", seed, duration, warmup, Scenario.DEFAULT_MAX_REQUESTS_IN_SYSTEM, clients, groups, acls,
                new BalancerSpec(balancerGroup, List.of(80), algorithm, algorithmParameters, healthCheck, policies),
                servers, events, autoscaling);
    }
}
