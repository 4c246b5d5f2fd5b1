package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

    private static TraceRecord parse(String text) {
        TraceRecord record = new TraceRecord();
        char[] chars = ("[" + text + "]").toCharArray();
        // Parsed from the middle of a buffer, as in a line.
        return Addresses.parse(chars, 1, chars.length - 1, record) ? record : null;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0.0.0.0, 0",
            "255.255.255.255, -1",
            "192.0.2.1, -1073741311",
            "10.0.0.9, 167772169"})
    void ipv4(String text, int expected) {
        TraceRecord record = parse(text);
        assertThat(record).isNotNull();
        assertThat(record.ipv6).isFalse();
        assertThat(record.hasSource).isTrue();
        assertThat(record.ipv4).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "::, 0, 0",
            "::1, 0, 1",
            "1::, 0x0001000000000000, 0",
            "2001:db8::1, 0x20010db800000000, 1",
            "2001:DB8:0:0:8:800:200C:417A, 0x20010db800000000, 0x00080800200c417a",
            "FF01::101, 0xff01000000000000, 0x0000000000000101",
            "1:2:3:4:5:6:7::, 0x0001000200030004, 0x0005000600070000",
            "::2:3:4:5:6:7:8, 0x0000000200030004, 0x0005000600070008",
            "1:2:3:4::5:6, 0x0001000200030004, 0x0000000000050006",
            "::ffff:192.0.2.1, 0, 0x0000ffffc0000201",
            "::13.1.68.3, 0, 0x000000000d014403",
            "0:0:0:0:0:FFFF:129.144.52.38, 0, 0x0000ffff81903426",
            "64:ff9b::192.0.2.33, 0x0064ff9b00000000, 0x00000000c0000221"})
    void ipv6(String text, String high, String low) {
        TraceRecord record = parse(text);
        assertThat(record).isNotNull();
        assertThat(record.ipv6).isTrue();
        assertThat(record.high).isEqualTo(Long.parseUnsignedLong(high.replace("0x", ""), high.startsWith("0x") ? 16 : 10));
        assertThat(record.low).isEqualTo(Long.parseUnsignedLong(low.replace("0x", ""), low.startsWith("0x") ? 16 : 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4", "01.2.3.4", "1.2.3.4 ", "1..2.3", "1.2.3.4.",
        "1234.1.1.1", "example.com", "-", ":", ":::", "1:::2", "1::2::3", ":1::", "1::2:", "12345::", "g::1",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "fe80::1%eth0",
        "::ffff:300.0.0.1", "::ffff:1.2.3", "1.2.3.4::", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4"})
    void refusesWhatIsNotAnAddress(String text) {
        assertThat(parse(text)).as(text).isNull();
    }

    /** Random addresses written the long way round agree with the JDK's reading of them. */
    @Test
    void agreesWithInetAddress() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            long high = random.nextLong();
            long low = random.nextInt(4) == 0 ? 0 : random.nextLong();
            if (random.nextBoolean()) high &= 0xffff_0000_ffff_0000L;
            String text = Addresses.formatIpv6(high, low);
            TraceRecord record = parse(text);
            assertThat(record).as(text).isNotNull();
            byte[] expected = ByteBuffer.allocate(16).putLong(high).putLong(low).array();
            byte[] jdk = InetAddress.getByName(text).getAddress();
            if (jdk.length == 16) assertThat(jdk).as(text).isEqualTo(expected);
            assertThat(record.high).as(text).isEqualTo(high);
            assertThat(record.low).as(text).isEqualTo(low);
        }
    }
}
