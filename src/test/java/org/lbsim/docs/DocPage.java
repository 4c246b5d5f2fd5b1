package org.lbsim.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lbsim.report.DocTables;

/**
 * A Markdown page whose quoted output is regenerated from the commands it shows.
 *
 * <p>A comment names the command in front of each quoted block, and the block is what the
 * command prints:
 *
 * <pre>
 * &lt;!-- output of: ./lbsim run scenarios/two-instances.yaml --replications 10 --&gt;
 * ```
 * (what it prints)
 * ```
 * </pre>
 *
 * <p>or, for a Markdown table made from the JSON file the command writes,
 * {@code <!-- table (KIND) of: ./lbsim compare ... --json target/x.json -->} in front of the
 * table, with a kind of {@link DocTables}; or {@code <!-- charts of: ./lbsim ... --chart target/x.png -->}
 * for a command that only draws charts, run when the charts are redrawn. The command must also be shown to the reader
 * above the marker (in a code block or inline), word for word: the comment only says which of
 * the commands shown the block quotes.
 */
final class DocPage {

    private static final Pattern MARKER = Pattern.compile("<!-- (output|charts|table \\(([a-z-]+)\\)) of: (.*?) -->");

    private final Path file;
    private final List<DocCommand> commands = new ArrayList<>();

    DocPage(Path file) {
        this.file = file;
    }

    /**
     * The page with every marked block replaced by what its command prints now; with
     * {@code drawCharts}, the commands that only draw charts run too. The commands run side by
     * side on {@code runner}, each on its own: they write files of different names.
     */
    String regenerate(boolean drawCharts, ExecutorService runner) throws IOException {
        commands.clear();
        List<String> lines = Files.readString(file).lines().toList();
        Map<Integer, Future<String>> outputs = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            if (!marker.matches()) continue;
            String where = file + ":" + (i + 1);
            checkShown(marker.group(3), lines.subList(0, i), where);
            DocCommand command = parse(marker.group(3), where);
            commands.add(command);
            String kind = marker.group(1).equals("charts") ? null : marker.group(2) == null ? "" : marker.group(2);
            if (kind != null || drawCharts) outputs.put(i, runner.submit(() -> output(command, kind)));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            Matcher marker = MARKER.matcher(line.strip());
            if (!marker.matches() || marker.group(1).equals("charts")) continue;
            String where = file + ":" + (i + 1);
            String output = await(outputs.get(i), where);
            int start = i + 1;
            while (start < lines.size() && lines.get(start).isBlank()) out.add(lines.get(start++));
            i = marker.group(2) == null ? replaceFence(lines, start, output, out, where)
                    : replaceTable(lines, start, output, out, where);
        }
        for (Future<String> charts : outputs.values()) await(charts, file.toString());
        return String.join("\n", out) + "\n";
    }

    /** What a marked block holds: the command's output, or for a table kind the table of its JSON file. */
    private static String output(DocCommand command, String tableKind) throws IOException {
        String printed = command.run();
        if (tableKind == null || tableKind.isEmpty()) return printed;
        return DocTables.render(tableKind, Files.readString(command.jsonFile()));
    }

    private static String await(Future<String> output, String where) throws IOException {
        try {
            return output.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(where + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(where, e.getCause());
        }
    }

    /** The commands of the last {@link #regenerate}, in page order. */
    List<DocCommand> commands() {
        return List.copyOf(commands);
    }

    private static DocCommand parse(String text, String where) {
        try {
            return DocCommand.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private int replaceFence(List<String> lines, int start, String output, List<String> out, String where) {
        if (start >= lines.size() || !lines.get(start).startsWith("```")) {
            throw new IllegalArgumentException(where + ": expected a fenced block after the marker");
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
        if (end >= lines.size()) throw new IllegalArgumentException(where + ": the fenced block is not closed");
        out.add(lines.get(start));
        output.lines().forEach(out::add);
        out.add(lines.get(end));
        return end;
    }

    private int replaceTable(List<String> lines, int start, String table, List<String> out, String where) {
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("|")) end++;
        if (end == start) throw new IllegalArgumentException(where + ": expected a Markdown table after the marker");
        table.lines().forEach(out::add);
        return end - 1;
    }

    /** The command must stand in the text the reader sees above the block, word for word. */
    private static void checkShown(String command, List<String> before, String where) {
        String shown = normalize(String.join("\n", before).replaceAll("<!--.*?-->", ""));
        if (!shown.contains(normalize(command))) {
            throw new IllegalArgumentException(where + ": the marker's command is not shown above it: " + command);
        }
    }

    private static String normalize(String text) {
        return text.replace("\\\n", " ").replaceAll("\\s+", " ");
    }
}
