package org.lbsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.engine.RandomStreams;

/** Client addresses stay inside their blocks, in their block's family; IPv6 ones hash apart. */
class AddressSamplerTest {

    private static AddressSampler sampler(String... blocks) {
        return new AddressSampler(List.of(blocks).stream().map(Cidr::parse).toList(),
                new RandomStreams(3).stream("test"));
    }

    @Test
    void ipv6AddressesStayInsideTheirBlockAndVaryInBothHalves() {
        Cidr block = Cidr.parse("2001:db8::/32");
        AddressSampler sampler = sampler("2001:db8::/32");
        Address address = new Address();
        Set<Long> highs = new HashSet<>();
        Set<Long> lows = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            sampler.sample(address);
            assertThat(address.ipv6).isTrue();
            assertThat(block.containsIpv6(address.high, address.low)).isTrue();
            highs.add(address.high);
            lows.add(address.low);
        }
        assertThat(highs).hasSizeGreaterThan(990);
        assertThat(lows).hasSizeGreaterThan(990);
    }

    @Test
    void aSlash128AndASlash32GiveExactlyTheirAddress() {
        Address address = new Address();
        sampler("2001:db8::7").sample(address);
        assertThat(address.toString()).isEqualTo("2001:db8::7");
        sampler("203.0.113.7").sample(address);
        assertThat(address.ipv6).isFalse();
        assertThat(address.toString()).isEqualTo("203.0.113.7");
    }

    @Test
    void mixedFamiliesAreDrawnBlockByBlock() {
        AddressSampler sampler = sampler("198.51.100.0/24", "::/0");
        Address address = new Address();
        int ipv6 = 0;
        for (int i = 0; i < 10_000; i++) {
            sampler.sample(address);
            if (address.ipv6) {
                ipv6++;
            } else {
                assertThat(Cidr.parse("198.51.100.0/24").containsIpv4(address.ipv4)).isTrue();
            }
        }
        assertThat(ipv6).isBetween(4_700, 5_300);
    }

    @Test
    void theHashIsTheIpv4AddressItselfAndFoldsAllOfAnIpv6One() {
        assertThat(Address.parse("10.0.0.1").hash()).isEqualTo(0x0a000001);
        assertThat(Address.parse("2001:db8::1").hash()).isNotEqualTo(Address.parse("2001:db8::2").hash());
        assertThat(Address.parse("2001:db8::1").hash()).isNotEqualTo(Address.parse("2001:db9::1").hash());
    }
}
