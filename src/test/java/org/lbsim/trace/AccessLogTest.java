package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccessLogTest {

    /** The example of Apache's log documentation. */
    private static final String APACHE_EXAMPLE = "192.0.2.7 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326"
            + " \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"";
    /** 10/Oct/2000:13:55:36 -0700 is 20:55:36 UTC: 11240 days after 1970-01-01 (10957 to 2000, then 274 + 9), plus 75336 s. */
    private static final double APACHE_EXAMPLE_TIME = 11_240L * 86_400 + 75_336;

    @Test
    void combined_readsApachesExample() throws IOException {
        TraceRecord record = Traces.only(APACHE_EXAMPLE, TraceFormat.COMBINED);
        assertThat(record.time).isEqualTo(APACHE_EXAMPLE_TIME).isEqualTo(971_211_336.0);
        assertThat(record.ipv4).isEqualTo(Traces.ipv4(192, 0, 2, 7));
        assertThat(record.bytes).isEqualTo(2326);
        assertThat(record.service).isNaN();
        assertThat(record.port).isEqualTo(-1);
    }

    @Test
    void combined_acceptsCommonLines_andCommonIgnoresTheCombinedFields() throws IOException {
        String common = "192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 304 -";
        TraceRecord asCombined = Traces.only(common, TraceFormat.COMBINED);
        assertThat(asCombined.time).isEqualTo(APACHE_EXAMPLE_TIME);
        assertThat(asCombined.bytes).isEqualTo(-1);
        assertThat(Traces.only(APACHE_EXAMPLE, TraceFormat.COMMON).bytes).isEqualTo(2326);
        // A combined line with its user agent cut off is fine as common, malformed as combined.
        String cut = APACHE_EXAMPLE.substring(0, APACHE_EXAMPLE.length() - 5);
        assertThat(Traces.only(cut, TraceFormat.COMMON).bytes).isEqualTo(2326);
        assertThat(Traces.read(cut, TraceFormat.COMBINED)).isEmpty();
    }

    @Test
    void timeZoneOffsets_giveTheSameInstant() throws IOException {
        for (String time : List.of("10/Oct/2000:20:55:36 +0000", "10/Oct/2000:13:55:36 -0700", "11/Oct/2000:02:25:36 +0530",
                "11/Oct/2000:10:55:36 +1400", "10/Oct/2000:09:55:36 -1100")) {
            String line = "192.0.2.7 - - [" + time + "] \"GET / HTTP/1.1\" 200 5";
            assertThat(Traces.only(line, TraceFormat.COMMON).time).as(time).isEqualTo(APACHE_EXAMPLE_TIME);
        }
        // New Year at 01:00 in UTC+2 is 23:00 on the last day of 2000 in UTC: 2001-01-01 is 11323 days (10957 + 366) after 1970, less an hour.
        String newYear = "192.0.2.7 - - [01/Jan/2001:01:00:00 +0200] \"GET / HTTP/1.1\" 200 5";
        assertThat(Traces.only(newYear, TraceFormat.COMMON).time).isEqualTo(11_323L * 86_400 - 3_600);
        String leapDay = "192.0.2.7 - - [29/Feb/2016:00:00:00 +0000] \"GET / HTTP/1.1\" 200 5";
        assertThat(Traces.only(leapDay, TraceFormat.COMMON).time).isEqualTo(1_456_704_000.0);
    }

    @Test
    void nginx_requestTime_asALastBareDecimal() throws IOException {
        TraceRecord record = Traces.only(APACHE_EXAMPLE + " 0.123", TraceFormat.COMBINED);
        assertThat(record.service).isEqualTo(0.123);
        assertThat(Traces.only(APACHE_EXAMPLE + " \"-\" 12.5", TraceFormat.COMBINED).service).isEqualTo(12.5);
        // A bare integer is more likely a size or a port than seconds; a quoted last field is not a time.
        assertThat(Traces.only(APACHE_EXAMPLE + " 123", TraceFormat.COMBINED).service).isNaN();
        assertThat(Traces.only(APACHE_EXAMPLE + " 0.5 \"example.com\"", TraceFormat.COMBINED).service).isNaN();
        // As common, everything after the bytes is ignored, the request time too.
        assertThat(Traces.only(APACHE_EXAMPLE + " 0.123", TraceFormat.COMMON).service).isNaN();
    }

    @Test
    void nginx_requestTime_asAKeyAndValue() throws IOException {
        assertThat(Traces.only(APACHE_EXAMPLE + " rt=0.042", TraceFormat.COMBINED).service).isEqualTo(0.042);
        assertThat(Traces.only(APACHE_EXAMPLE + " request_time=1.5 uct=\"0.001\"", TraceFormat.COMBINED).service).isEqualTo(1.5);
        assertThat(Traces.only(APACHE_EXAMPLE + " \"10.0.0.1\" rt=2 ua=\"-\" 9.75", TraceFormat.COMBINED).service)
                .as("rt= wins over a last bare decimal").isEqualTo(2.0);
        assertThat(Traces.only(APACHE_EXAMPLE + " rt=-", TraceFormat.COMBINED).service).isNaN();
    }

    @Test
    void ipv6Sources() throws IOException {
        TraceRecord v6 = Traces.only("2001:db8::1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5", TraceFormat.COMMON);
        assertThat(v6.ipv6).isTrue();
        assertThat(v6.high).isEqualTo(0x2001_0db8_0000_0000L);
        assertThat(v6.low).isEqualTo(1L);
        assertThat(v6.source()).isEqualTo("2001:db8::1");
        // A dual-stack server logs IPv4 clients as IPv4-mapped IPv6 addresses; they stay IPv6, as written.
        TraceRecord mapped = Traces.only("::ffff:192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5", TraceFormat.COMBINED);
        assertThat(mapped.ipv6).isTrue();
        assertThat(mapped.high).isZero();
        assertThat(mapped.low).isEqualTo(0xffff_c000_0207L);
    }

    @Test
    void escapedQuotesInsideQuotedFields() throws IOException {
        String line = "192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] \"GET /a\\\"b HTTP/1.1\" 200 5 \"-\" \"agent \\\"x\\\" 1.0\" 0.25";
        assertThat(Traces.only(line, TraceFormat.COMBINED).service).isEqualTo(0.25);
    }

    static Stream<Arguments> malformedLines() {
        String date = "[10/Oct/2000:13:55:36 -0700]";
        String tail = " \"GET / HTTP/1.1\" 200 5 \"-\" \"curl/8.0\"";
        String head = "192.0.2.7 - - ";
        return Stream.of(
                Arguments.of("hostname", "example.com - - " + date + tail, "example.com",
                        "found 'example.com', expected an IP address"),
                Arguments.of("octet out of range", "192.0.2.256 - - " + date + tail, "192",
                        "found '192.0.2.256', expected an IP address"),
                Arguments.of("garbage", "hello, world", "hello", "found 'hello,', expected an IP address"),
                Arguments.of("day out of range", head + "[32/Oct/2000:13:55:36 -0700]" + tail, "32",
                        "found '32', expected a day of October 2000, 01 to 31"),
                Arguments.of("no February 29 in 2015", head + "[29/Feb/2015:13:55:36 -0700]" + tail, "29/",
                        "found '29', expected a day of February 2015, 01 to 28"),
                Arguments.of("month name", head + "[10/Okt/2000:13:55:36 -0700]" + tail, "Okt",
                        "found 'Okt', expected a month name, Jan to Dec"),
                Arguments.of("hour", head + "[10/Oct/2000:24:00:00 -0700]" + tail, "24",
                        "found '24', expected an hour, 00 to 23"),
                Arguments.of("date shape", head + "[10/Oct/2000 13:55:36 -0700]" + tail, "[",
                        "found '[10/Oct/2000 13:55:36 -0700]', expected a time as [dd/MMM/yyyy:HH:mm:ss +hhmm]"),
                Arguments.of("time zone", head + "[10/Oct/2000:13:55:36 +2500]" + tail, "+25",
                        "found '+2500', expected a time zone offset from -1800 to +1800"),
                Arguments.of("status", head + date + " \"GET / HTTP/1.1\" OK 5", "OK",
                        "found 'OK', expected a status code, 100 to 599"),
                Arguments.of("bytes", head + date + " \"GET / HTTP/1.1\" 200 12kb", "12kb",
                        "found '12kb', expected a size in bytes, or -"),
                Arguments.of("truncated after the date", head + date, null,
                        "found the end of the line, expected a space then '\"' opening the request"),
                Arguments.of("truncated request", head + date + " \"GET / HTTP/1.1", null,
                        "found the end of the line, expected '\"' closing the request"),
                Arguments.of("referer without agent", head + date + " \"GET / HTTP/1.1\" 200 5 \"-\"", null,
                        "found the end of the line, expected a space then '\"' opening the user agent"),
                Arguments.of("bad request time", head + date + tail + " rt=fast", "fast",
                        "found 'fast', expected a request time in seconds"),
                Arguments.of("two spaces", "192.0.2.7  - - " + date + tail, " - -",
                        "found ' ', expected the ident field (- when unknown)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLines")
    void malformedLine_isSkippedCountedAndReported(String kind, String bad, String at, String reason) throws IOException {
        String good = "192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5\n";
        int column = at == null ? bad.length() + 1 : bad.indexOf(at) + 1;

        TraceReader lenient = Traces.reader(good + bad + "\n" + good, TraceFormat.COMBINED, false);
        assertThat(Traces.readAll(lenient)).extracting(r -> r.line).containsExactly(1L, 3L);
        assertThat(lenient.skipped()).isEqualTo(1);
        assertThat(lenient.firstSkipped()).containsExactly(new SkippedLine(2, column, reason));

        TraceReader strict = Traces.reader(good + bad + "\n" + good, TraceFormat.COMBINED, true);
        TraceRecord record = new TraceRecord();
        assertThat(strict.next(record)).isTrue();
        assertThatThrownBy(() -> strict.next(record)).isInstanceOf(TraceFormatException.class)
                .hasMessage("test.log:2:" + column + ": " + reason)
                .satisfies(e -> {
                    TraceFormatException format = (TraceFormatException) e;
                    assertThat(format.line()).isEqualTo(2);
                    assertThat(format.column()).isEqualTo(column);
                    assertThat(format.reason()).isEqualTo(reason);
                    assertThat(format.file()).isEqualTo("test.log");
                });
    }
}
