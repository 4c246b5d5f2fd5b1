package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.report.OutputFiles;

/**
 * Result files: lbsim creates no folder, checks a file before the runs that fill it, and says
 * which file could not be written and why, with exit status 2.
 */
class OutputFilesTest {

    private static final String[] SHORT_RUN = {"run", "scenarios/two-instances.yaml", "--set", "duration=5s",
            "--set", "warmup=0s", "--quiet"};

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lbsim(String... more) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(SHORT_RUN), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void json_toAMissingFolder_isRefusedBeforeTheRun_andNoFolderIsCreated() {
        Path file = dir.resolve("no/such/folder/result.json");

        assertThat(lbsim("--json", file.toString())).isEqualTo(2);

        assertThat(err.toString()).isEqualTo("lbsim: --json: cannot write " + file + ": the folder " + file.getParent()
                + " does not exist (lbsim creates no folders)" + System.lineSeparator());
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void csvChartAndTimeSeries_toAMissingFolder_createNoFolder() {
        assertThat(lbsim("--csv", dir.resolve("a/r.csv").toString())).isEqualTo(2);
        assertThat(lbsim("--chart", dir.resolve("b/r.png").toString())).isEqualTo(2);
        assertThat(lbsim("--timeseries", dir.resolve("c/ts.csv").toString())).isEqualTo(2);

        assertThat(err.toString()).contains("lbsim: --csv: cannot write", "lbsim: --chart: cannot write",
                "lbsim: --timeseries: cannot write").doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
    }

    @Test
    void aFileAsTheFolder_saysItIsNotAFolder() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");

        assertThat(lbsim("--json", plain.resolve("r.json").toString())).isEqualTo(2);

        assertThat(err.toString()).contains("--json: cannot write " + plain.resolve("r.json") + ": " + plain
                + " is not a folder");
    }

    @Test
    void aFolderAsTheFile_saysItIsAFolder() {
        assertThat(lbsim("--chart", dir.resolve("charts.svg").toString(), "--json", dir.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("--json: cannot write " + dir + ": it is a folder");
    }

    @Test
    void anUnwritableFolder_saysPermissionDenied() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(locked), "permissions do not bind this user (root)");
            assertThat(lbsim("--json", locked.resolve("r.json").toString())).isEqualTo(2);
            assertThat(err.toString()).contains("--json: cannot write " + locked.resolve("r.json") + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void writableFiles_andADevice_areWritten() throws IOException {
        Path json = dir.resolve("r.json");
        Path chart = dir.resolve("r.svg");
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));

        assertThat(lbsim("--json", json.toString(), "--chart", chart.toString(), "--csv", "/dev/null")).isZero();

        assertThat(Files.readString(json)).startsWith("{");
        assertThat(Files.readString(chart)).startsWith("<!DOCTYPE svg PUBLIC").contains("<svg").endsWith("</svg>\n");
    }

    /** A write that fails after the check (a full disk, a file removed meanwhile) names the file and the system's reason. */
    @Test
    void aWriteThatFails_namesTheFileAndTheReason() {
        Path file = dir.resolve("r.json");

        assertThatThrownBy(() -> OutputFiles.write(file, out -> {
            throw new FileSystemException(file.toString(), null, "No space left on device");
        })).isInstanceOf(OutputFiles.WriteFailure.class)
                .hasMessage("cannot write " + file + ": no space left on device");
    }

    @Test
    void problem_isEmptyForAWritableFile_andSaysWhyOtherwise() throws IOException {
        assertThat(OutputFiles.problem(dir.resolve("new.json"))).isEmpty();
        assertThat(OutputFiles.problem(dir)).hasValue("it is a folder");
        assertThat(OutputFiles.problem(dir.resolve("x/y.json"))).hasValueSatisfying(reason ->
                assertThat(reason).endsWith("does not exist (lbsim creates no folders)"));
        assertThat(OutputFiles.problem(Files.writeString(dir.resolve("f"), "").resolve("y.json")))
                .hasValueSatisfying(reason -> assertThat(reason).endsWith("is not a folder"));
    }
}
