package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One file per mistake under {@code scenarios/bad/}: each must be reported at the line and column
 * of the mistake, with what was found in the message.
 */
class BadScenariosTest {

    @ParameterizedTest(name = "{0} -> {1}:{2}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key.yaml            |  9 |  1 | found unknown key 'colour'; expected one of: name, seed, duration
            misspelt-key.yaml           |  4 | 34 | found unknown key 'rat' (did you mean 'rate'?)
            missing-duration.yaml       |  1 |  1 | missing 'duration'
            bad-duration.yaml           |  1 | 11 | duration: found '10 minutes', expected a duration such as 250ms
            negative-rate.yaml          |  4 | 40 | clients[0].arrivals.rate: found '-5/s', expected a positive rate such as 150/s
            unknown-distribution.yaml   |  5 | 29 | found 'gaussian', expected one of: exponential, constant
            extra-distribution-key.yaml |  5 | 54 | clients[0].service: found unknown key 'cv'; expected one of: distribution, mean
            bad-cidr.yaml               |  5 | 15 | '10.0.0.0/33' is not a CIDR block such as 10.0.0.0/16 (IPv4) or 2001:db8::/32 (IPv6)
            port-out-of-range.yaml      |  5 | 11 | clients[0].port: found '70000', expected a port from 1 to 65535
            unknown-security-group.yaml |  9 | 20 | found 'web-sgg' (did you mean 'web-sg'?), expected the name of a security group
            unknown-target.yaml         |  5 | 13 | found 'web-3' (did you mean 'web-1'?), expected 'balancer' or the name of a server
            duplicate-server.yaml       |  8 | 11 | found the server name 'web-1' a second time (first at line 7)
            expansion-collides.yaml     |  8 | 11 | found the server name 'web-1' a second time (first at line 7)
            duplicate-key.yaml          |  9 |  1 | found the key 'duration' a second time (first at line 1)
            warmup-not-shorter.yaml     |  2 |  9 | warmup: found '10min', expected a warmup shorter than the duration (10min)
            unknown-algorithm.yaml      | 10 | 14 | found unknown algorithm 'least-connection' (did you mean 'least-connections'?)
            syntax-error.yaml           |  5 | 12 | YAML syntax error: expected ',' or '}', but got :
            tag.yaml                    |  1 | 11 | found the YAML tag '!!java.net.URL'
            too-deep.yaml               | 10 | 38 | nested more than 32 levels deep
            empty.yaml                  |  1 |  1 | the file is empty
            negative-timeout.yaml       |  5 | 14 | clients[0].timeout: found '-1s', expected a positive duration
            event-after-end.yaml        | 10 | 10 | events[0].at: found '11min', expected a time from 0 to the duration (10min)
            slowdown-without-factor.yaml |  9 |  9 | missing 'factor'
            unknown-failure-kind.yaml   |  9 | 37 | found 'blackhole' (did you mean 'black-hole'?)
            factor-on-crash.yaml        |  9 | 39 | expected factor only with kind: slowdown
            bad-outlier-detection.yaml  |  8 | 38 | consecutive5xx: found '0', expected a whole number of at least 1
            remove-unknown-server.yaml  | 10 | 47 | found 'web-3' (did you mean 'web-1'?), expected the name of a server
            acl-bad-action.yaml         | 12 | 38 | networkAcls[0].inbound[0].action: found 'permit', expected one of: allow, deny
            acl-duplicate-number.yaml   | 14 | 18 | found the rule number 100 a second time (first at line 13)
            acl-number-out-of-range.yaml | 12 | 25 | number: found '0', expected a whole number from 1 to 32766
            acl-unknown-subnet.yaml     | 11 | 24 | found 'web-3' (did you mean 'web-1'?), expected 'balancer' or the name of a server
            acl-subnet-twice.yaml       | 13 | 24 | found 'web-1', whose subnet already has the network ACL 'a'
            acl-outbound-from.yaml      | 12 | 79 | outbound[0]: found unknown key 'from'; expected one of: number, action, protocol, ports, to
            acl-group-source.yaml       | 12 | 77 | found 'lb-sg', expected a CIDR block such as 0.0.0.0/0 or ::/0 (network ACL rules name no security groups)
            acl-ipv6-host-bits.yaml     | 12 | 77 | '2001:db8::1/32' has host bits set: did you mean 2001:db8::/32?
            set-security-rule-unknown-group.yaml | 12 | 50 | events[0].group: found 'lb-gs' (did you mean 'lb-sg'?), expected the name of a security group
            set-security-rule-bad-rule.yaml | 16 | 42 | events[0].inbound[0].from: '::/129' is not a CIDR block
            set-security-rule-without-inbound.yaml | 12 | 5 | events[0]: missing 'inbound'
            schedule-not-from-zero.yaml | 4 | 46 | at: found '1min', expected the first point at 0s
            schedule-backwards.yaml     | 9 | 16 | rate[2].at: found '2min', expected a time after the previous point's
            interpolation-without-schedule.yaml | 4 | 62 | expected it only with a rate schedule (a list)
            cycle-peak-below-trough.yaml | 4 | 62 | rate.peak: found a peak of 100/s, expected a peak above the trough
            mmpp-one-state.yaml         | 4 | 39 | states: found 1 state, expected a list of at least two states
            closed-without-think-time.yaml | 4 | 15 | arrivals: missing 'thinkTime'
            closed-zero-users.yaml      | 4 | 40 | users: found '0', expected a whole number of users from 1
            mix-and-service.yaml        | 6 | 10 | found both 'service' and 'mix', expected one
            mix-duplicate-class.yaml    | 7 | 16 | found the request class name 'page' a second time (first at line 6)
            stickiness-bad-type.yaml    | 7 | 22 | stickiness.type: found 'source-ip', expected one of: cookie
            trace-missing-file.yaml     | 4 | 38 | file: found 'logs/nowhere.log' (no such file), expected a readable trace file
            trace-bad-format.yaml       | 4 | 69 | format: found 'json', expected one of: combined, common, csv
            trace-bad-speedup.yaml      | 4 | 70 | speedup: found '0', expected a positive factor
            trace-with-rate.yaml        | 4 | 61 | found unknown key 'rate'; expected one of: process, file, format, speedup
            set-rate-closed.yaml        | 9 | 42 | found 'users', a client of closed-loop users or a trace, expected an open client
            complex-key.yaml            | 2 |  4 | found a list as a key (a YAML complex key, written with '?'), expected a plain key
            blank-class-name.yaml       | 6 | 16 | clients[0].mix[0].name: found ' ', expected a name with at least one visible character
            name-with-line-break.yaml   | 3 | 11 | clients[0].name: found a name with a control character
            weibull-tiny-shape.yaml     | 5 | 45 | clients[0].service.shape: found '0.005', expected a Weibull shape from 0.1 to 100
            failure-weibull-tiny-shape.yaml | 9 | 62 | servers[0].failures[0].shape: found '0.005', expected a Weibull shape from 0.1 to 100
            lognormal-huge-cv.yaml      | 5 | 56 | clients[0].service.cv: found '1e200', expected a coefficient of variation from 0.001 to 100
            huge-workers.yaml           | 8 | 14 | servers[0].workers: found '2147483647', expected a whole number from 1 to 100,000
            huge-weight.yaml            | 8 | 13 | servers[0].weight: found '2147483647', expected a whole number from 0 to 256 (as HAProxy's weights)
            set-weight-above-256.yaml   | 9 | 56 | events[0].weight: found '257', expected a whole number from 0 to 256
            too-many-servers.yaml       | 7 |  3 | servers: found 11,000 servers in all (11,000 listed after count, 0 added by add-server events, 0 autoscaling's max), expected at most 10,000
            too-many-workers.yaml       | 7 |  3 | servers: found 100,000,000 workers in all, over every server a run may hold, expected at most 10,000,000
            run-longer-than-a-year.yaml | 1 | 11 | duration: found '366d', expected a positive duration of at most 365d (a year)
            rate-above-bound.yaml       | 4 | 40 | clients[0].arrivals.rate: found '20000000/s', expected a rate of at most 10000000/s
            interval-below-resolution.yaml | 7 | 27 | balancer.healthCheck.interval: found '0.0000001ms', expected a duration of at least 0.001ms
            empty-protocol.yaml         | 9 |  9 | securityGroups[0].inbound[0]: missing 'protocol', expected one of: tcp, udp, icmp, all
            lognormal-tiny-cv.yaml      | 5 | 56 | clients[0].service.cv: found '1e-308', expected a coefficient of variation from 0.001 to 100
            threshold-above-bound.yaml  | 7 | 35 | healthyThreshold: found '10000000000', expected a whole number of at least 1 and at most 1,000,000
            """)
    void badScenario_isReportedAtTheMistakeWithWhatWasFound(String file, int line, int column, String message) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Fixtures.load("bad/" + file));

        assertThat(e).as("%s should be rejected", file).isNotNull();
        String where = Fixtures.scenario("bad/" + file) + ":" + line + ":" + column;
        assertThat(e.problems()).as(e.getMessage())
                .anySatisfy(p -> {
                    assertThat(p.where()).isEqualTo(where);
                    assertThat(p.message()).contains(message);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"unknown-key.yaml", "syntax-error.yaml", "tag.yaml", "duplicate-key.yaml", "too-deep.yaml",
            "complex-key.yaml"})
    void problems_speakPlainWordsWithoutJavaNamesOrTraces(String file) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Fixtures.load("bad/" + file));

        assertThat(e.getMessage()).doesNotContain("Exception", "java.lang", "com.fasterxml", "org.yaml", "\tat ");
    }

    @org.junit.jupiter.api.Test
    void misspeltKey_alsoSaysTheRequiredKeyIsMissing() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> Fixtures.load("bad/misspelt-key.yaml"));

        assertThat(e.problems()).extracting(ScenarioException.Problem::message)
                .containsExactly(
                        "clients[0].arrivals: found unknown key 'rat' (did you mean 'rate'?); expected one of: process, rate, interpolation",
                        "clients[0].arrivals: missing 'rate', expected a rate such as 150/s, a schedule [{at: 0s, rate: 100/s}, ...] or a daily cycle {trough: 50/s, peak: 400/s, peakAt: 14h}");
        assertThat(List.of(e.getMessage().split("\n"))).hasSize(2);
    }
}
