package org.lbsim.cluster.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "::/0, ::/0",
            "2001:DB8::/32, 2001:db8::/32",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1/128",
            "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
            "::ffff:192.0.2.1, ::ffff:c000:201/128",
            "fe80::/10, fe80::/10",
            "1::, 1::/128",
            "10.0.0.0/8, 10.0.0.0/8",
            "203.0.113.7, 203.0.113.7/32"})
    void parsesAndPrintsTheCanonicalForm(String text, String canonical) {
        assertThat(Cidr.parse(text).toString()).isEqualTo(canonical);
    }

    @Test
    void familiesNeverContainEachOthersAddresses() {
        Cidr anyV4 = Cidr.parse("0.0.0.0/0");
        Cidr anyV6 = Cidr.parse("::/0");
        assertThat(anyV4.containsIpv4(0x7f000001)).isTrue();
        assertThat(anyV4.containsIpv6(0, 0)).isFalse();
        assertThat(anyV6.containsIpv6(-1L, -1L)).isTrue();
        assertThat(anyV6.containsIpv4(0)).isFalse();
    }

    @Test
    void ipv6ContainmentAtTheEdgesOfABlock() {
        Cidr block = Cidr.parse("2001:db8:8000::/33");
        long high = block.high();
        assertThat(block.containsIpv6(high, 0)).isTrue();
        assertThat(block.containsIpv6(high | 0x7fff_ffffL, -1L)).isTrue();
        assertThat(block.containsIpv6(high - 1, -1L)).isFalse();
        assertThat(block.containsIpv6(high + 0x8000_0000L, 0)).isFalse();
        Cidr host = Cidr.parse("::1/128");
        assertThat(host.containsIpv6(0, 1)).isTrue();
        assertThat(host.containsIpv6(0, 2)).isFalse();
        assertThat(host.containsIpv6(1L << 63, 1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::/129", "2001:db8:::/32", "1::2::3", "2001:db8::g/64", "12345::/16",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "fe80::1%eth0", "::ffff:300.0.0.1", ":1::/16", "10.0.0.0/33"})
    void refusesWhatIsNotACidrBlock(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a CIDR block");
    }

    @Test
    void hostBitsBeyondThePrefixAreRefusedWithTheBlockMeant() {
        assertThatThrownBy(() -> Cidr.parse("2001:db8::1/32"))
                .hasMessageContaining("host bits set: did you mean 2001:db8::/32?");
        assertThatThrownBy(() -> Cidr.parse("10.1.2.3/8")).hasMessageContaining("did you mean 10.0.0.0/8?");
    }
}
