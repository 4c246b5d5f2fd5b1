package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.SecurityGroupSpec;

class SecurityGroupTest {

    private static Address ip(String address) {
        return Address.parse(address);
    }

    private static RuleSpec tcp(int from, int to, String cidr) {
        return new RuleSpec(Protocol.TCP, from, to, new RuleSpec.FromCidr(Cidr.parse(cidr)));
    }

    private static SecurityGroup group(RuleSpec... rules) {
        return SecurityGroup.build(List.of(new SecurityGroupSpec("g", List.of(rules)))).get(0);
    }

    @Test
    void slashZeroAdmitsEveryAddressOnTheRulesPortOnly() {
        SecurityGroup group = group(tcp(80, 80, "0.0.0.0/0"));
        assertThat(group.admits(Protocol.TCP, 80, ip("0.0.0.0"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 80, ip("255.255.255.255"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 22, ip("8.8.8.8"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 81, ip("8.8.8.8"), null)).isFalse();
        assertThat(group.admits(Protocol.UDP, 80, ip("8.8.8.8"), null)).isFalse();
    }

    @Test
    void slash32AdmitsExactlyOneAddress() {
        SecurityGroup group = group(tcp(22, 22, "203.0.113.7/32"));
        assertThat(group.admits(Protocol.TCP, 22, ip("203.0.113.7"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 22, ip("203.0.113.6"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 22, ip("203.0.113.8"), null)).isFalse();
    }

    @Test
    void networkBoundariesAreInclusiveOfTheBlockOnly() {
        SecurityGroup group = group(tcp(443, 443, "10.1.0.0/16"));
        assertThat(group.admits(Protocol.TCP, 443, ip("10.1.0.0"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 443, ip("10.1.255.255"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 443, ip("10.0.255.255"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 443, ip("10.2.0.0"), null)).isFalse();
        // High addresses have the sign bit set in an int: the mask must still work.
        SecurityGroup high = group(tcp(443, 443, "192.168.0.0/24"));
        assertThat(high.admits(Protocol.TCP, 443, ip("192.168.0.255"), null)).isTrue();
        assertThat(high.admits(Protocol.TCP, 443, ip("192.168.1.0"), null)).isFalse();
    }

    @Test
    void portRangesAreInclusive() {
        SecurityGroup group = group(tcp(1024, 65535, "0.0.0.0/0"));
        assertThat(group.admits(Protocol.TCP, 1023, ip("1.2.3.4"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 1024, ip("1.2.3.4"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 65535, ip("1.2.3.4"), null)).isTrue();
    }

    @Test
    void protocolAllIgnoresPorts() {
        SecurityGroup group = group(new RuleSpec(Protocol.ALL, 0, 65535, new RuleSpec.FromCidr(Cidr.parse("10.0.0.0/8"))));
        assertThat(group.admits(Protocol.TCP, 22, ip("10.9.9.9"), null)).isTrue();
        assertThat(group.admits(Protocol.UDP, 53, ip("10.9.9.9"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 22, ip("11.0.0.0"), null)).isFalse();
    }

    @Test
    void referencedGroupAdmitsItsMembersWhateverTheirAddress() {
        List<SecurityGroup> groups = SecurityGroup.build(List.of(
                new SecurityGroupSpec("lb-sg", List.of(tcp(80, 80, "0.0.0.0/0"))),
                new SecurityGroupSpec("web-sg", List.of(new RuleSpec(Protocol.TCP, 80, 80, new RuleSpec.FromGroup("lb-sg")))),
                new SecurityGroupSpec("other", List.of())));
        SecurityGroup lb = groups.get(0);
        SecurityGroup web = groups.get(1);
        SecurityGroup other = groups.get(2);
        assertThat(web.admits(Protocol.TCP, 80, ip("10.0.0.10"), lb)).isTrue();
        assertThat(web.admits(Protocol.TCP, 80, ip("10.0.0.10"), other)).isFalse();
        assertThat(web.admits(Protocol.TCP, 80, ip("10.0.0.10"), null)).isFalse();
        assertThat(web.admits(Protocol.TCP, 22, ip("10.0.0.10"), lb)).isFalse();
    }

    @Test
    void anEmptyGroupDeniesEverythingAndCountsDenialsOnceCounting() {
        SecurityGroup group = group();
        assertThat(group.admits(Protocol.TCP, 80, ip("1.1.1.1"), null)).isFalse();
        group.startCounting();
        group.admits(Protocol.TCP, 80, ip("1.1.1.1"), null);
        group.admits(Protocol.TCP, 80, ip("1.1.1.1"), null);
        assertThat(group.result().denied()).isEqualTo(2);
    }

    @Test
    void ruleHitsCountTheFirstMatchingRule() {
        SecurityGroup group = group(tcp(80, 80, "10.0.0.0/8"), tcp(80, 80, "0.0.0.0/0"));
        group.startCounting();
        group.admits(Protocol.TCP, 80, ip("10.1.1.1"), null);
        group.admits(Protocol.TCP, 80, ip("8.8.8.8"), null);
        group.admits(Protocol.TCP, 80, ip("8.8.4.4"), null);
        assertThat(group.result().rules()).extracting(r -> r.hits()).containsExactly(1L, 2L);
    }

    @Test
    void ipv6SlashZeroAdmitsEveryIpv6AddressButNoIpv4One() {
        SecurityGroup group = group(tcp(443, 443, "::/0"));
        assertThat(group.admits(Protocol.TCP, 443, ip("::"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 443, ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 443, ip("2001:db8::1"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 443, ip("0.0.0.0"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 443, ip("203.0.113.9"), null)).isFalse();
    }

    @Test
    void ipv4SlashZeroAdmitsNoIpv6AddressNotEvenAnIpv4MappedOne() {
        SecurityGroup group = group(tcp(80, 80, "0.0.0.0/0"));
        assertThat(group.admits(Protocol.TCP, 80, ip("::ffff:192.0.2.1"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 80, ip("::"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 80, ip("192.0.2.1"), null)).isTrue();
    }

    @Test
    void ipv6Slash128AdmitsExactlyOneAddress() {
        SecurityGroup group = group(tcp(22, 22, "2001:db8::7/128"));
        assertThat(group.admits(Protocol.TCP, 22, ip("2001:db8::7"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 22, ip("2001:db8::6"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 22, ip("2001:db8::8"), null)).isFalse();
        assertThat(group.admits(Protocol.TCP, 22, ip("2001:db9::7"), null)).isFalse();
    }

    @Test
    void ipv6BoundariesHoldOnBothSidesOfTheSixtyFourBitSplit() {
        SecurityGroup wide = group(tcp(80, 80, "2001:db8::/32"));
        assertThat(wide.admits(Protocol.TCP, 80, ip("2001:db8::"), null)).isTrue();
        assertThat(wide.admits(Protocol.TCP, 80, ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"), null)).isTrue();
        assertThat(wide.admits(Protocol.TCP, 80, ip("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"), null)).isFalse();
        assertThat(wide.admits(Protocol.TCP, 80, ip("2001:db9::"), null)).isFalse();
        // A prefix longer than 64 bits masks the low half too; the sign bit of each long must not matter.
        SecurityGroup narrow = group(tcp(80, 80, "fd00:1:2:3:8000::/65"));
        assertThat(narrow.admits(Protocol.TCP, 80, ip("fd00:1:2:3:8000::"), null)).isTrue();
        assertThat(narrow.admits(Protocol.TCP, 80, ip("fd00:1:2:3:ffff:ffff:ffff:ffff"), null)).isTrue();
        assertThat(narrow.admits(Protocol.TCP, 80, ip("fd00:1:2:3:7fff:ffff:ffff:ffff"), null)).isFalse();
        assertThat(narrow.admits(Protocol.TCP, 80, ip("fd00:1:2:4:8000::"), null)).isFalse();
    }

    @Test
    void replacingTheRulesChangesWhatIsAdmittedAndRestartsTheRuleCountsOnly() {
        SecurityGroup group = group(tcp(80, 80, "198.51.100.0/24"));
        group.startCounting();
        group.admits(Protocol.TCP, 80, ip("198.51.100.1"), null);
        group.admits(Protocol.TCP, 80, ip("8.8.8.8"), null);

        group.replaceRules(List.of(tcp(80, 80, "0.0.0.0/0"), tcp(80, 80, "::/0")), List.of(group));

        assertThat(group.admits(Protocol.TCP, 80, ip("8.8.8.8"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 80, ip("2001:db8::1"), null)).isTrue();
        assertThat(group.admits(Protocol.TCP, 81, ip("8.8.8.8"), null)).isFalse();
        assertThat(group.result().rules()).extracting(r -> r.hits()).containsExactly(1L, 1L);
        assertThat(group.result().denied()).isEqualTo(2);
    }
}
