package org.lbsim.docs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lbsim.cli.Main;

/**
 * A command the docs show, run as a reader would paste it into a shell, but in this JVM: so
 * that the tests check the docs before the jar exists.
 *
 * <p>It understands the small part of the shell the docs use: single and double quotes, a
 * backslash at the end of a line, {@code 2>&1}, and a pipeline whose first stage is
 * {@code ./lbsim ...} or {@code head -n N FILE}, followed by any of {@code grep -E 'RE'},
 * {@code head -n N}, {@code tail -n N} and {@code sed -n 'A,Bp'}. Anything else is refused, so
 * that a doc cannot show a command this class would run differently. Commands joined by
 * {@code &&} run one after the other, as a shell runs them when each succeeds (a campaign is
 * made, then reported), and the block quotes what they all print.
 */
final class DocCommand {

    private final String text;
    private final List<List<String>> stages;
    /** The commands this one runs first, when it is the last of an {@code &&} list. */
    private final List<DocCommand> before;

    private DocCommand(String text, List<List<String>> stages, List<DocCommand> before) {
        this.text = text;
        this.stages = stages;
        this.before = before;
    }

    /** Parses a command as a shell would split it into words and pipeline stages. */
    static DocCommand parse(String text) {
        String[] steps = text.replace("\\\n", " ").split("\\s&&\\s");
        if (steps.length == 1) return parseOne(text);
        List<DocCommand> before = new ArrayList<>();
        for (int i = 0; i < steps.length - 1; i++) before.add(parseOne(steps[i].strip()));
        DocCommand last = parseOne(steps[steps.length - 1].strip());
        return new DocCommand(text, last.stages, before);
    }

    private static DocCommand parseOne(String text) {
        List<List<String>> stages = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        String joined = text.replace("\\\n", " ");
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '\'' || c == '"') {
                int end = joined.indexOf(c, i + 1);
                if (end < 0) throw new IllegalArgumentException("unclosed quote in: " + text);
                if (word == null) word = new StringBuilder();
                word.append(joined, i + 1, end);
                i = end;
            } else if (c == '|') {
                if (word != null) words.add(word.toString());
                word = null;
                stages.add(words);
                words = new ArrayList<>();
            } else if (Character.isWhitespace(c)) {
                if (word != null) words.add(word.toString());
                word = null;
            } else if (word == null && joined.startsWith("2>&1", i)) {
                words.add("2>&1");
                i += 3;
            } else if ("$`;&<>(){}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("the docs' commands use no shell expansions or redirections "
                        + "but 2>&1: " + text);
            } else {
                if (word == null) word = new StringBuilder();
                word.append(c);
            }
        }
        if (word != null) words.add(word.toString());
        stages.add(words);
        return new DocCommand(text, stages, List.of());
    }

    /** What the command prints on standard output (and standard error, with {@code 2>&1}). */
    String run() throws IOException {
        StringBuilder printed = new StringBuilder();
        for (DocCommand command : before) printed.append(command.run());
        String output = first(stages.get(0));
        for (List<String> filter : stages.subList(1, stages.size())) output = filter(filter, output);
        return printed + output;
    }

    /** The files the command writes with {@code --chart}. */
    List<Path> charts() {
        List<Path> charts = new ArrayList<>();
        List<String> words = stages.get(0);
        for (int i = 0; i + 1 < words.size(); i++) if (words.get(i).equals("--chart")) charts.add(Path.of(words.get(i + 1)));
        return charts;
    }

    /** The file the command writes with {@code --json FILE}. */
    Path jsonFile() {
        List<String> words = stages.get(0);
        int at = words.indexOf("--json");
        if (at < 0 || at + 1 >= words.size() || words.get(at + 1).equals("-")) {
            throw new IllegalArgumentException("a table is read from the JSON file the command writes (--json FILE): " + text);
        }
        return Path.of(words.get(at + 1));
    }

    private String first(List<String> words) throws IOException {
        if (words.size() >= 2 && words.get(0).equals("./lbsim")) {
            List<String> args = new ArrayList<>(words.subList(1, words.size()));
            boolean withErrors = args.remove("2>&1");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
            // Through a pipe, what the command writes to standard error reaches the terminal, not the
            // block; alone, it is part of what the reader sees, so the block must say 2>&1.
            if (!withErrors && stages.size() == 1 && !err.toString().isEmpty()) {
                throw new IllegalStateException(text + " printed on standard error: " + err);
            }
            return out + (withErrors ? err.toString() : "");
        }
        if (words.size() == 4 && words.get(0).equals("head") && words.get(1).equals("-n")) {
            return firstLines(Files.readString(Path.of(words.get(3))), Integer.parseInt(words.get(2)));
        }
        throw new IllegalArgumentException("a doc command starts with ./lbsim or head -n N FILE: " + text);
    }

    private String filter(List<String> words, String input) {
        List<String> lines = input.lines().toList();
        String command = String.join(" ", words);
        if (words.size() == 3 && words.get(0).equals("grep") && words.get(1).equals("-E")) {
            Pattern pattern = Pattern.compile(words.get(2));
            return joinLines(lines.stream().filter(line -> pattern.matcher(line).find()).toList());
        }
        if (words.size() == 3 && words.get(0).equals("head") && words.get(1).equals("-n")) {
            return firstLines(input, Integer.parseInt(words.get(2)));
        }
        if (words.size() == 3 && words.get(0).equals("tail") && words.get(1).equals("-n")) {
            int n = Integer.parseInt(words.get(2));
            return joinLines(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
        var range = Pattern.compile("(\\d+),(\\d+)p").matcher(words.size() == 3 ? words.get(2) : "");
        if (words.size() == 3 && words.get(0).equals("sed") && words.get(1).equals("-n") && range.matches()) {
            int from = Integer.parseInt(range.group(1));
            int to = Math.min(lines.size(), Integer.parseInt(range.group(2)));
            return joinLines(from > to ? List.of() : lines.subList(from - 1, to));
        }
        throw new IllegalArgumentException("a doc command filters with grep -E, head -n, tail -n or sed -n 'A,Bp', "
                + "found '" + command + "' in: " + text);
    }

    private static String firstLines(String text, int n) {
        return joinLines(text.lines().limit(n).toList());
    }

    private static String joinLines(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    @Override
    public String toString() {
        return text;
    }
}
