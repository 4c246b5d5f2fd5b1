package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReaderTest {

    private static final String LINE = "192.0.2.7 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5";

    @Test
    void formats_byTheirScenarioNames() {
        assertThat(TraceFormat.byName("combined")).contains(TraceFormat.COMBINED);
        assertThat(TraceFormat.byName("common")).contains(TraceFormat.COMMON);
        assertThat(TraceFormat.byName("csv")).contains(TraceFormat.CSV);
        assertThat(TraceFormat.byName("CSV")).isEmpty();
        assertThat(TraceFormat.byName("json")).isEmpty();
        assertThat(TraceFormat.names()).isEqualTo("csv, common, combined");
        assertThat(TraceFormat.COMBINED.key()).isEqualTo("combined");
    }

    @Test
    void lines_countEveryLine_recordsAndSkippedSplitThem() throws IOException {
        TraceReader reader = Traces.reader(LINE + "\n\n" + LINE + "\r\nnonsense\n" + LINE, TraceFormat.COMMON, false);
        List<TraceRecord> records = Traces.readAll(reader);
        assertThat(records).extracting(r -> r.line).containsExactly(1L, 3L, 5L);
        assertThat(reader.lines()).isEqualTo(5);
        assertThat(reader.records()).isEqualTo(3);
        assertThat(reader.skipped()).isEqualTo(1);
    }

    @Test
    void firstSkipped_keepsFive_skippedCountsAll() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 100; i++) text.append(i % 10 == 0 ? LINE : "host" + i + " garbage").append('\n');
        TraceReader reader = Traces.reader(text.toString(), TraceFormat.COMBINED, false);
        assertThat(Traces.readAll(reader)).hasSize(10);
        assertThat(reader.skipped()).isEqualTo(90);
        assertThat(reader.firstSkipped()).extracting(SkippedLine::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(reader.firstSkipped().get(2).toString()).isEqualTo("3:1: found 'host3', expected an IP address");
    }

    @Test
    void byteOrderMark_andCarriageReturns_areNotPartOfTheFields() throws IOException {
        List<TraceRecord> records = Traces.read("\uFEFF" + LINE + " \"-\" \"curl\" 0.5\r\n" + LINE + "\r\n", TraceFormat.COMBINED);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).service).isEqualTo(0.5);
    }

    @Test
    void aLineTooLongToHold_isSkipped_andTheNextOneRead() throws IOException {
        String huge = "x".repeat(LineInput.MAX_LINE + 10);
        TraceReader reader = Traces.reader(LINE + "\n" + huge + "\n" + LINE + "\n", TraceFormat.COMMON, false);
        assertThat(Traces.readAll(reader)).extracting(r -> r.line).containsExactly(1L, 3L);
        assertThat(reader.firstSkipped()).containsExactly(new SkippedLine(2, 1,
                "found a line of " + LineInput.MAX_LINE + " characters or more, expected a line of a trace"));
    }

    @Test
    void linesAcrossTheBufferBoundary_areReadWhole() throws IOException {
        // Lines of growing length cross the 64 KiB buffer's end at every offset near it.
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (int pad = 0; text.length() < 300_000; pad = (pad + 37) % 5_000, count++) {
            text.append(LINE).append(" \"").append("r".repeat(pad)).append("\" \"a\" 0.25\n");
        }
        List<TraceRecord> records = Traces.read(text.toString(), TraceFormat.COMBINED);
        assertThat(records).hasSize(count).allSatisfy(r -> assertThat(r.service).isEqualTo(0.25));
    }

    @Test
    void open_readsGzippedFiles(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("access.log.1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((LINE + "\n" + LINE + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (TraceReader reader = TraceReader.open(file, TraceFormat.COMMON, true)) {
            assertThat(Traces.readAll(reader)).hasSize(2);
            assertThat(reader.name()).isEqualTo(file.toString());
        }
    }

    @Test
    void strict_namesTheFileInTheMessage(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("access.log");
        Files.writeString(file, LINE + "\n" + "www.example.com - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 5\n");
        try (TraceReader reader = TraceReader.open(file, TraceFormat.COMMON, true)) {
            TraceRecord record = new TraceRecord();
            assertThat(reader.next(record)).isTrue();
            assertThatThrownBy(() -> reader.next(record)).isInstanceOf(TraceFormatException.class)
                    .hasMessage(file + ":2:1: found 'www.example.com', expected an IP address");
        }
    }

    @Test
    void undecodableBytes_inFieldsNotParsed_doNotSpoilTheLine(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("latin1.log");
        byte[] agent = " \"-\" \"Mozilla \u00e9t\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(LINE.getBytes(StandardCharsets.US_ASCII));
            out.write(agent);
        }
        try (TraceReader reader = TraceReader.open(file, TraceFormat.COMBINED, true)) {
            assertThat(Traces.readAll(reader)).hasSize(1);
        }
    }

    @Test
    void copyFrom_copiesEveryField() {
        TraceRecord record = new TraceRecord();
        record.time = 1;
        record.service = 2;
        record.hasSource = true;
        record.ipv6 = true;
        record.ipv4 = 3;
        record.high = 4;
        record.low = 5;
        record.port = 6;
        record.bytes = 7;
        record.line = 8;
        TraceRecord copy = new TraceRecord();
        copy.copyFrom(record);
        assertThat(copy).usingRecursiveComparison().isEqualTo(record);
    }
}
