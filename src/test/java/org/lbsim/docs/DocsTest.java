package org.lbsim.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The output README.md and docs/*.md quote is what the commands they show print today (see
 * {@link DocPage} for how a block names its command). {@code tools/update-docs} rewrites the
 * blocks with {@code -Dlbsim.updateDocs=true}, and with {@code -Dlbsim.updateDocImages=true}
 * also copies each chart a command drew into {@code docs/images/}, under the same file name.
 *
 * <p>Pages are checked side by side, and so are the commands within a page: they write files of
 * different names, and one page (algorithms.md, whose tables compare every algorithm) holds most
 * of the work, which would otherwise end the test run alone.
 *
 * <p>It runs every command the docs show, replications and sweeps included, which takes longer
 * than the rest of the suite together: it is tagged {@code docs}, which a plain {@code mvn verify}
 * leaves out and {@code tools/check-docs} and CI ({@code .ci/run}) run.
 */
@Tag("docs")
@Execution(ExecutionMode.CONCURRENT)
class DocsTest {

    private static final boolean UPDATE = Boolean.getBoolean("lbsim.updateDocs");
    private static final boolean UPDATE_IMAGES = Boolean.getBoolean("lbsim.updateDocImages");
    private static final Path IMAGES = Path.of("docs/images");
    /** Runs the pages' commands, one per core: most of the test's work is in a few long ones. */
    private static final ExecutorService COMMANDS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), DocsTest::daemon);

    static Stream<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages.stream();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void quotedOutputIsWhatTheShownCommandPrints(Path page) throws IOException {
        DocPage doc = new DocPage(page);
        String regenerated = doc.regenerate(UPDATE && UPDATE_IMAGES, COMMANDS);
        if (UPDATE) {
            Files.writeString(page, regenerated);
            if (UPDATE_IMAGES) copyCharts(doc);
            return;
        }
        assertThat(Files.readString(page)).as("%s quotes output that its commands no longer print; run "
                + "tools/update-docs and read the diff", page).isEqualTo(regenerated);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void chartsAreDrawnOutsideTheTrackedFiles(Path page) throws IOException {
        for (String line : Files.readAllLines(page)) {
            assertThat(line).as("%s: a command that draws into docs/ would change tracked files when a reader runs it; "
                    + "draw into target/ and let tools/update-docs copy it", page).doesNotContainPattern("--chart\\s+docs/");
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "doc-command");
        thread.setDaemon(true);
        return thread;
    }

    private static void copyCharts(DocPage doc) throws IOException {
        for (DocCommand command : doc.commands()) {
            for (Path chart : command.charts()) {
                Files.copy(chart, IMAGES.resolve(chart.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
