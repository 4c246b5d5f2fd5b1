package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;

class EventsBindingTest {

    /** Lines 1 to 10; the events start on line 11. */
    private static final String CLUSTER = """
            duration: 10min
            clients:
              - name: users
                arrivals: {process: poisson, rate: 5/s}
                service: {distribution: exponential, mean: 20ms}
            securityGroups:
              - {name: lb-sg, inbound: [{protocol: tcp, ports: 80, from: 0.0.0.0/0}]}
            servers:
              - {name: web-1}
            events:
            """;

    private static Scenario parse(String events) throws ScenarioException {
        return Fixtures.LOADER.parse(CLUSTER + events, "events.yaml", List.of());
    }

    private static List<String> problems(String events) {
        return catchThrowableOfType(ScenarioException.class, () -> parse(events)).problems().stream()
                .map(ScenarioException.Problem::toString).toList();
    }

    @Test
    void everyAction_bindsToItsOwnKindOfEvent() throws ScenarioException {
        Scenario scenario = parse("""
                  - {at: 1min, action: fail, server: web-1}
                  - {at: 2min, action: recover, server: web-1}
                  - {at: 3min, action: set-rate, client: users, rate: 20/s}
                  - {at: 4min, action: set-algorithm, algorithm: random}
                  - {at: 5min, action: slow, server: web-1, factor: 0.5}
                  - {at: 6min, action: black-hole, server: web-1}
                  - {at: 390s, action: cut-off, server: web-1}
                  - {at: 7min, action: add-server, server: web-2, template: web-1}
                  - {at: 8min, action: remove-server, server: web-2}
                  - {at: 9min, action: set-weight, server: web-1, weight: 3}
                  - {at: 10min, action: set-security-rule, group: lb-sg, inbound: [{protocol: tcp, ports: 443, from: lb-sg}]}
                """);

        assertThat(scenario.events()).containsExactly(
                new EventSpec.Fail(60, "web-1"),
                new EventSpec.Recover(120, "web-1"),
                new EventSpec.SetRate(180, "users", 20),
                new EventSpec.SetAlgorithm(240, "random"),
                new EventSpec.Slow(300, "web-1", 0.5),
                new EventSpec.BlackHole(360, "web-1"),
                new EventSpec.CutOff(390, "web-1"),
                new EventSpec.AddServer(420, "web-2", "web-1"),
                new EventSpec.RemoveServer(480, "web-2"),
                new EventSpec.SetWeight(540, "web-1", 3),
                new EventSpec.SetSecurityRule(600, "lb-sg",
                        List.of(new RuleSpec(Protocol.TCP, 443, 443, new RuleSpec.FromGroup("lb-sg")))));
        assertThat(scenario.events()).as("one event above per action").hasSameSizeAs(EventAction.values());
    }

    /** A lesson saved from the window may click on an instance the autoscaler launched. */
    @Test
    void instancesTheAutoscalerLaunches_mayBeNamed_andOnlyThose() throws ScenarioException {
        String autoscaled = CLUSTER.replace("events:\n", "autoscaling: {template: web-1, metric: utilization, target: 0.6}\nevents:\n");
        Scenario scenario = Fixtures.LOADER.parse(autoscaled + "  - {at: 1min, action: fail, server: web-1-as-12}\n",
                "events.yaml", List.of());
        assertThat(scenario.events()).containsExactly(new EventSpec.Fail(60, "web-1-as-12"));

        for (String name : List.of("web-1-as-0", "web-1-as-", "web-2-as-1")) {
            assertThatThrownBy(() -> Fixtures.LOADER.parse(autoscaled + "  - {at: 1min, action: fail, server: " + name + "}\n",
                    "events.yaml", List.of())).as(name).isInstanceOf(ScenarioException.class);
        }
        assertThat(problems("  - {at: 1min, action: fail, server: web-1-as-1}\n")).as("without autoscaling")
                .singleElement().asString().contains("found 'web-1-as-1'");
    }

    @Test
    void misspeltAction_isReportedAtItsLineAndColumn_withTheClosestAction() {
        assertThat(problems("  - {at: 1min, action: slwo, server: web-1, factor: 0.5}\n")).containsExactly(
                "events.yaml:11:24: events[0].action: found 'slwo' (did you mean 'slow'?), expected one of: fail, "
                        + "recover, set-rate, set-algorithm, slow, black-hole, cut-off, add-server, remove-server, "
                        + "set-weight, set-security-rule");
    }

    @Test
    void withAnUnknownAction_onlyKeysThatNoActionTakesAreReported() {
        assertThat(problems("  - {at: 1min, action: explode, server: web-1, template: web-1, colour: red}\n")).containsExactly(
                "events.yaml:11:24: events[0].action: found 'explode', expected one of: fail, recover, set-rate, "
                        + "set-algorithm, slow, black-hole, cut-off, add-server, remove-server, set-weight, set-security-rule",
                "events.yaml:11:65: events[0]: found unknown key 'colour'; expected one of: at, action, server, client, "
                        + "rate, algorithm, factor, template, weight, group, inbound");
    }

    @Test
    void anAction_refusesTheKeysOfAnother() {
        assertThat(problems("  - {at: 1min, action: fail, server: web-1, weight: 3}\n")).containsExactly(
                "events.yaml:11:45: events[0]: found unknown key 'weight'; expected one of: at, action, server");
    }

    @Test
    void aServerAddedByAnEvent_canBeNamedByTheEventsAfterIt_butNotBefore() {
        assertThat(problems("""
                  - {at: 1min, action: fail, server: web-2}
                  - {at: 2min, action: add-server, server: web-2, template: web-1}
                  - {at: 3min, action: fail, server: web-2}
                  - {at: 4min, action: add-server, server: web-2, template: web-1}
                """)).containsExactly(
                "events.yaml:11:38: events[0].server: found 'web-2' (did you mean 'web-1'?), expected the name of a "
                        + "server (defined: web-1)",
                "events.yaml:14:44: events[3].server: found 'web-2', which names an existing server; expected a new name");
    }
}
