package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTraceTest {

    @Test
    void allColumns_inTheDocumentedOrder() throws IOException {
        List<TraceRecord> records = Traces.read("time,service,source,port,bytes\n0.5,0.02,192.0.2.1,443,1200\n1.25,0.1,2001:db8::7,80,-\n",
                TraceFormat.CSV);
        assertThat(records).hasSize(2);
        TraceRecord first = records.get(0);
        assertThat(first.time).isEqualTo(0.5);
        assertThat(first.service).isEqualTo(0.02);
        assertThat(first.ipv4).isEqualTo(Traces.ipv4(192, 0, 2, 1));
        assertThat(first.port).isEqualTo(443);
        assertThat(first.bytes).isEqualTo(1200);
        assertThat(first.line).isEqualTo(2);
        TraceRecord second = records.get(1);
        assertThat(second.ipv6).isTrue();
        assertThat(second.source()).isEqualTo("2001:db8::7");
        assertThat(second.bytes).isEqualTo(-1);
    }

    @Test
    void columnsInAnyOrder_unknownOnesIgnored_namesWithoutCaseOrSpaces() throws IOException {
        String csv = "\uFEFF Source ,path,TIME, Service\r\n10.0.0.9,/index.html,1431857103.25,1.5e-3\r\n";
        TraceRecord record = Traces.read(csv, TraceFormat.CSV).get(0);
        assertThat(record.time).isEqualTo(1_431_857_103.25);
        assertThat(record.service).isEqualTo(0.0015);
        assertThat(record.source()).isEqualTo("10.0.0.9");
        assertThat(record.port).isEqualTo(-1);
        assertThat(record.bytes).isEqualTo(-1);
    }

    @Test
    void onlyTheTimeColumn_leavesTheRestAbsent() throws IOException {
        TraceReader reader = Traces.reader("time\n0\n\n2.5\n-1\n", TraceFormat.CSV, true);
        List<TraceRecord> records = Traces.readAll(reader);
        assertThat(records).extracting(r -> r.time).containsExactly(0.0, 2.5, -1.0);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.service).isNaN();
            assertThat(r.hasSource).isFalse();
            assertThat(r.port).isEqualTo(-1);
        });
        // The header, three rows and one empty line: wc -l counts five.
        assertThat(reader.lines()).isEqualTo(5);
        assertThat(reader.records()).isEqualTo(3);
    }

    @Test
    void emptyOptionalFields_meanTheRowDoesNotSay() throws IOException {
        TraceRecord record = Traces.read("time,service,source,port,bytes\n3,,,,\n", TraceFormat.CSV).get(0);
        assertThat(record.time).isEqualTo(3.0);
        assertThat(record.service).isNaN();
        assertThat(record.hasSource).isFalse();
        assertThat(record.port).isEqualTo(-1);
        assertThat(record.bytes).isEqualTo(-1);
    }

    @Test
    void malformedRows_areSkippedWithTheirReasons() throws IOException {
        String csv = String.join("\n", "time,service,source,port",
                "1,0.1,10.0.0.1,80",
                "x,0.1,10.0.0.1,80",
                "2,-0.1,10.0.0.1,80",
                "3,0.1,10.0.0.300,80",
                "4,0.1,10.0.0.1,70000",
                "5,0.1,10.0.0.1",
                "6,\"0.1\",10.0.0.1,80",
                "7,0.1,10.0.0.1,80,extra",
                ",0.1,10.0.0.1,80",
                "10,0.1,10.0.0.1,80");
        TraceReader reader = Traces.reader(csv, TraceFormat.CSV, false);
        assertThat(Traces.readAll(reader)).extracting(r -> r.time).containsExactly(1.0, 10.0);
        assertThat(reader.skipped()).isEqualTo(8);
        assertThat(reader.firstSkipped()).containsExactly(
                new SkippedLine(3, 1, "found 'x', expected a time in seconds"),
                new SkippedLine(4, 3, "found '-0.1', expected a service time in seconds, not negative, or nothing"),
                new SkippedLine(5, 7, "found '10.0.0.300', expected an IP address, or nothing"),
                new SkippedLine(6, 16, "found '70000', expected a port, 0 to 65535, or nothing"),
                new SkippedLine(7, 15, "found 3 fields, expected 4, as the header names"));
        assertThat(reader.firstSkipped()).hasSize(TraceReader.REPORTED);
    }

    @Test
    void quotedFields_areNotSupported_andTheReasonSaysSo() {
        TraceReader reader = Traces.reader("time,source\n1,\"10.0.0.1\"\n", TraceFormat.CSV, true);
        assertThatThrownBy(() -> reader.next(new TraceRecord())).isInstanceOf(TraceFormatException.class)
                .hasMessage("test.log:2:3: found a quoted field, expected plain CSV fields (quoted fields are not supported)");
    }

    @Test
    void tooManyFields_isReportedAtTheFirstExtraOne() {
        TraceReader reader = Traces.reader("time,port\n1,80,9\n", TraceFormat.CSV, true);
        assertThatThrownBy(() -> reader.next(new TraceRecord()))
                .hasMessage("test.log:2:6: found 3 fields, expected 2, as the header names");
    }

    @ParameterizedTest
    @ValueSource(strings = {"service,source\n0.1,10.0.0.1\n", "start,service\n1,2\n", "time;service\n1;2\n"})
    void noTimeColumn_makesTheFileUnusable_evenWhenNotStrict(String csv) {
        TraceReader reader = Traces.reader(csv, TraceFormat.CSV, false);
        assertThatThrownBy(() -> reader.next(new TraceRecord())).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("test.log:1:1: found '" + csv.substring(0, csv.indexOf('\n')) + "', expected a column named 'time'");
        // It stays unusable: a later call does not take line 2 for a header.
        assertThatThrownBy(() -> reader.next(new TraceRecord())).hasMessageStartingWith("test.log:1:1:");
    }

    @Test
    void missingHeader_isNamedAsSuch() {
        TraceReader reader = Traces.reader("0.5,0.02\n1.0,0.03\n", TraceFormat.CSV, false);
        assertThatThrownBy(() -> reader.next(new TraceRecord()))
                .hasMessage("test.log:1:1: found '0.5', expected a header line naming the columns, one of them 'time'");
        TraceReader empty = Traces.reader("", TraceFormat.CSV, false);
        assertThatThrownBy(() -> empty.next(new TraceRecord()))
                .hasMessage("test.log:1:1: found the end of the file, expected a header line naming the columns, one of them 'time'");
    }

    @Test
    void headerProblems_quotedOrRepeatedNames() {
        assertThatThrownBy(() -> Traces.reader("\"time\",service\n1,2\n", TraceFormat.CSV, false).next(new TraceRecord()))
                .hasMessage("test.log:1:1: found a quoted field, expected plain CSV column names (quoted fields are not supported)");
        assertThatThrownBy(() -> Traces.reader("time,Time\n1,2\n", TraceFormat.CSV, false).next(new TraceRecord()))
                .hasMessage("test.log:1:6: found 'Time', expected each column named once, but 'time' comes twice");
    }

    @Test
    void open_checksTheHeaderAtOnce(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("trace.csv");
        Files.writeString(file, "when,service\n1,2\n");
        assertThatThrownBy(() -> TraceReader.open(file, TraceFormat.CSV, false)).isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith(file + ":1:1: found 'when,service', expected a column named 'time'");
    }
}
