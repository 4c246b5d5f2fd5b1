package org.lbsim.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * {@code drawCharts}, the commands that only draw charts run too.
     */
    String regenerate(boolean drawCharts) throws IOException {
        commands.clear();
        List<String> lines = Files.readString(file).lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(line);
            Matcher marker = MARKER.matcher(line.strip());
            if (!marker.matches()) continue;
            String where = file + ":" + (i + 1);
            String commandText = marker.group(3);
            checkShown(commandText, lines.subList(0, i), where);
            DocCommand command = parse(commandText, where);
            commands.add(command);
            if (marker.group(1).equals("charts")) {
                if (drawCharts) command.run();
                continue;
            }
            int start = i + 1;
            while (start < lines.size() && lines.get(start).isBlank()) out.add(lines.get(start++));
            if (marker.group(2) == null) {
                i = replaceFence(lines, start, command, out, where);
            } else {
                i = replaceTable(lines, start, marker.group(2), command, out, where);
            }
        }
        return String.join("\n", out) + "\n";
    }

    /** The commands of the last {@link #regenerate()}, in page order. */
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

    private int replaceFence(List<String> lines, int start, DocCommand command, List<String> out, String where)
            throws IOException {
        if (start >= lines.size() || !lines.get(start).startsWith("```")) {
            throw new IllegalArgumentException(where + ": expected a fenced block after the marker");
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
        if (end >= lines.size()) throw new IllegalArgumentException(where + ": the fenced block is not closed");
        out.add(lines.get(start));
        command.run().lines().forEach(out::add);
        out.add(lines.get(end));
        return end;
    }

    private int replaceTable(List<String> lines, int start, String kind, DocCommand command, List<String> out,
                             String where) throws IOException {
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("|")) end++;
        if (end == start) throw new IllegalArgumentException(where + ": expected a Markdown table after the marker");
        command.run();
        DocTables.render(kind, Files.readString(command.jsonFile())).lines().forEach(out::add);
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
