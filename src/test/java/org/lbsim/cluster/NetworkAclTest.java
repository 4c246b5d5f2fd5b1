package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.AclRuleSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.metrics.NetworkAclResult;

/** Truth table of one network ACL: numbered order, first match, explicit and implicit deny, directions. */
class NetworkAclTest {

    static AclRuleSpec allow(int number, int from, int to, String block) {
        return new AclRuleSpec(number, true, Protocol.TCP, from, to, Cidr.parse(block));
    }

    static AclRuleSpec deny(int number, int from, int to, String block) {
        return new AclRuleSpec(number, false, Protocol.TCP, from, to, Cidr.parse(block));
    }

    private static NetworkAcl acl(List<AclRuleSpec> inbound, List<AclRuleSpec> outbound) {
        NetworkAcl acl = new NetworkAcl(new NetworkAclSpec("acl", List.of("balancer"), inbound, outbound));
        acl.startCounting();
        return acl;
    }

    private static Address ip(String text) {
        return Address.parse(text);
    }

    @Test
    void aDenyNumberedBeforeAnAllowWinsWhateverOrderTheyAreWrittenIn() {
        NetworkAcl acl = acl(List.of(allow(200, 80, 80, "0.0.0.0/0"), deny(100, 80, 80, "198.51.100.0/24")), List.of());
        assertThat(acl.allowsIn(Protocol.TCP, 80, ip("198.51.100.7"), true)).isFalse();
        assertThat(acl.allowsIn(Protocol.TCP, 80, ip("203.0.113.7"), true)).isTrue();
        NetworkAclResult result = acl.result();
        assertThat(result.rules()).extracting(NetworkAclResult.RuleHits::number).containsExactly(100, 200);
        assertThat(result.rules()).extracting(NetworkAclResult.RuleHits::hits).containsExactly(1L, 1L);
        assertThat(result.denied()).isEqualTo(1);
    }

    @Test
    void theFirstMatchDecidesEvenWhenALaterRuleIsMoreSpecific() {
        NetworkAcl acl = acl(List.of(allow(100, 80, 80, "0.0.0.0/0"), deny(200, 80, 80, "198.51.100.0/24")), List.of());
        assertThat(acl.allowsIn(Protocol.TCP, 80, ip("198.51.100.7"), true)).isTrue();
        assertThat(acl.result().rules()).extracting(NetworkAclResult.RuleHits::hits).containsExactly(1L, 0L);
        assertThat(acl.result().denied()).isZero();
    }

    @Test
    void whatNoRuleMatchesIsDeniedByTheImplicitFinalRule() {
        NetworkAcl acl = acl(List.of(allow(100, 80, 80, "0.0.0.0/0")), List.of());
        assertThat(acl.allowsIn(Protocol.TCP, 81, ip("8.8.8.8"), true)).as("another port").isFalse();
        assertThat(acl.allowsIn(Protocol.UDP, 80, ip("8.8.8.8"), true)).as("another protocol").isFalse();
        assertThat(acl.allowsIn(Protocol.TCP, 80, ip("2001:db8::1"), true)).as("another family").isFalse();
        assertThat(acl.result().denied()).isEqualTo(3);
        assertThat(acl.result().rules()).extracting(NetworkAclResult.RuleHits::hits).containsExactly(0L);
    }

    @Test
    void anIpv6RuleMatchesIpv6AddressesOnly() {
        NetworkAcl acl = acl(List.of(allow(100, 80, 80, "::/0")), List.of());
        assertThat(acl.allowsIn(Protocol.TCP, 80, ip("2001:db8::1"), true)).isTrue();
        assertThat(acl.allowsIn(Protocol.TCP, 80, ip("10.0.0.1"), true)).isFalse();
    }

    @Test
    void itIsStatelessEachDirectionNeedsItsOwnRule() {
        NetworkAcl acl = acl(List.of(allow(100, 80, 80, "0.0.0.0/0")), List.of(allow(100, 80, 80, "0.0.0.0/0")));
        assertThat(acl.allowsIn(Protocol.TCP, 80, ip("8.8.8.8"), true)).isTrue();
        assertThat(acl.allowsOut(Protocol.TCP, 40000, ip("8.8.8.8"), true))
                .as("the answer to port 80 goes to the client's ephemeral port").isFalse();
        assertThat(acl.result().rules()).extracting(NetworkAclResult.RuleHits::direction)
                .containsExactly("inbound", "outbound");
    }

    @Test
    void nothingIsCountedBeforeTheWarmUpEndsNorWhenAskedNotTo() {
        NetworkAcl acl = new NetworkAcl(new NetworkAclSpec("acl", List.of("balancer"), List.of(), List.of()));
        acl.allowsIn(Protocol.TCP, 80, ip("8.8.8.8"), true);
        acl.startCounting();
        acl.allowsIn(Protocol.TCP, 80, ip("8.8.8.8"), false);
        assertThat(acl.result().denied()).isZero();
    }
}
