package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lbsim schema}: prints the shipped schema, or writes it to a file with {@code -o}. */
class SchemaCommandTest {

    private static final Path SHIPPED = Path.of("docs/scenario.schema.json");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lbsim(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void schema_printsTheShippedSchema() throws IOException {
        assertThat(lbsim("schema")).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(SHIPPED)).contains("\"power-of-d\"", "\"choices\"");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void schemaWithOutput_writesTheFileAndPrintsNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scenario.schema.json");
        assertThat(lbsim("schema", "-o", file.toString())).isZero();
        assertThat(file).hasContent(Files.readString(SHIPPED).stripTrailing());
        assertThat(Files.readString(file)).isEqualTo(Files.readString(SHIPPED));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void schemaToAFolderThatDoesNotExist_exitsWith2AndSaysWhy(@TempDir Path dir) {
        Path file = dir.resolve("missing/scenario.schema.json");
        assertThat(lbsim("schema", "-o", file.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("lbsim: -o: ").contains(file.toString());
        assertThat(file).doesNotExist();
    }

    @Test
    void mainHelp_listsTheSchemaCommand() {
        assertThat(lbsim("--help")).isZero();
        assertThat(out.toString()).contains("schema");
    }
}
