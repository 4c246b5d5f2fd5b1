package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.Scenario;

class NetworkAclBindingTest {

    private static final String SERVERS = """
            duration: 10min
            clients:
              - name: users
                arrivals: {process: poisson, rate: 5/s}
                service: {distribution: exponential, mean: 20ms}
            servers:
              - {name: web, count: 3}
              - {name: db}
            networkAcls:
            """;

    private static Scenario parse(String acls) throws ScenarioException {
        return Fixtures.LOADER.parse(SERVERS + acls, "acls.yaml", List.of());
    }

    @Test
    void namingAnEntryWithACountPutsEveryReplicaInTheSubnet() throws ScenarioException {
        Scenario scenario = parse("""
                  - name: web-subnet
                    appliesTo: [web]
                    inbound: [{number: 100, action: allow, protocol: all, from: 0.0.0.0/0}]
                    outbound: [{number: 100, action: allow, protocol: all, to: 0.0.0.0/0}]
                """);
        assertThat(scenario.networkAcls()).singleElement()
                .satisfies(acl -> assertThat(acl.appliesTo()).containsExactly("web-1", "web-2", "web-3"));
    }

    @Test
    void aReplicaAlreadyInAnotherAclIsReportedAtTheEntrysName() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> parse("""
                  - name: one
                    appliesTo: [web-2]
                    inbound: [{number: 100, action: allow, protocol: all, from: 0.0.0.0/0}]
                    outbound: [{number: 100, action: allow, protocol: all, to: 0.0.0.0/0}]
                  - name: two
                    appliesTo: [web]
                    inbound: [{number: 100, action: allow, protocol: all, from: 0.0.0.0/0}]
                    outbound: [{number: 100, action: allow, protocol: all, to: 0.0.0.0/0}]
                """));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("acls.yaml:15:", "found 'web-2', whose subnet already has the network ACL 'one'");
    }
}
