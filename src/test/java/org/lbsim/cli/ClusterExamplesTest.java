package org.lbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.campaign.Shard;
import picocli.CommandLine;

/**
 * The cluster examples cannot be run here (no Kubernetes, no Slurm), so that they do not rot
 * silently this checks what can be: every lbsim command line in them, with the scheduler's
 * variables given values, parses with the real command line; the shards they ask for are valid
 * and as many as the job has tasks; the scenario and algorithms they name exist.
 */
class ClusterExamplesTest {

    private static final Path KUBERNETES = Path.of("examples/kubernetes/indexed-job.yaml");
    private static final Path SLURM = Path.of("examples/slurm/sweep.sbatch");

    @Test
    void theKubernetesIndexedJobsCommandsParseAndCoverEveryShard() throws Exception {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = new YAMLMapper().readerFor(JsonNode.class).readValues(KUBERNETES.toFile())) {
            iterator.forEachRemaining(documents::add);
        }
        JsonNode shards = job(documents, "lbsim-sweep");
        assertThat(shards.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        int completions = shards.at("/spec/completions").asInt();
        String shardScript = script(shards);
        for (int index : new int[] {0, completions - 1}) {
            String expanded = arithmetic(shardScript.replace("JOB_COMPLETION_INDEX", String.valueOf(index)));
            List<String> commands = lbsimCommands(expanded);
            assertThat(commands).hasSize(1);
            List<String> args = parsed(commands.get(0));
            assertThat(option(args, "--shard")).isEqualTo((index + 1) + "/" + completions);
            assertThat(option(args, "--campaign")).isEqualTo("/results/shard-" + (index + 1) + ".db");
        }
        List<String> merge = lbsimCommands(script(job(documents, "lbsim-sweep-merge")));
        assertThat(merge).hasSize(2);
        List<String> mergeArgs = parsed(merge.get(0));
        assertThat(mergeArgs.subList(0, 2)).containsExactly("campaign", "merge");
        for (int k = 1; k <= completions; k++) assertThat(mergeArgs).contains("/results/shard-" + k + ".db");
        assertThat(parsed(merge.get(1))).startsWith("campaign", "report", "/results/sweep.db");
    }

    @Test
    void theSlurmArraysCommandsParseAndCoverEveryShard() throws Exception {
        String script = Files.readString(SLURM).replace("\\\n", " ");
        Matcher array = Pattern.compile("#SBATCH --array=1-(\\d+)").matcher(script);
        assertThat(array.find()).isTrue();
        int tasks = Integer.parseInt(array.group(1));
        Matcher wrap = Pattern.compile("--wrap \"([^\"]*)\"").matcher(script);
        assertThat(wrap.find()).as("the merge job's command").isTrue();
        StringBuilder shardFiles = new StringBuilder();
        for (int k = 1; k <= tasks; k++) shardFiles.append("/results/shard-").append(k).append(".db ");
        Map<String, String> values = Map.of("results", "/results", "shard_files", shardFiles.toString(), "shards",
                String.valueOf(tasks), "SLURM_CPUS_PER_TASK", "4", "SLURM_ARRAY_TASK_ID", String.valueOf(tasks));
        List<String> merge = lbsimCommands(variables(wrap.group(1).replace("${lbsim[*]}", "lbsim"), values));
        assertThat(merge).hasSize(2);
        List<String> mergeArgs = parsed(merge.get(0));
        for (int k = 1; k <= tasks; k++) assertThat(mergeArgs).contains("/results/shard-" + k + ".db");
        assertThat(parsed(merge.get(1))).startsWith("campaign", "report", "/results/sweep.db");

        String body = script.substring(wrap.end());
        List<String> shard = lbsimCommands(variables(body.replace("\"${lbsim[@]}\"", "lbsim"), values));
        assertThat(shard).hasSize(1);
        List<String> args = parsed(shard.get(0));
        assertThat(option(args, "--shard")).isEqualTo(tasks + "/" + tasks);
        assertThat(option(args, "--campaign")).isEqualTo("/results/shard-" + tasks + ".db");
        assertThat(option(args, "--threads")).isEqualTo("4");
    }

    /** Parses with the real command line, and checks what the options name exists; returns the words. */
    private static List<String> parsed(String command) {
        List<String> words = words(command);
        assertThat(words.get(0)).isEqualTo("lbsim");
        List<String> args = words.subList(1, words.size());
        String[] array = args.toArray(String[]::new);
        CommandLine.ParseResult result = Main.commandLine(array).parseArgs(array);
        assertThat(result.hasSubcommand()).as(command).isTrue();
        String shard = option(args, "--shard");
        if (shard != null) Shard.parse(shard);
        String algorithms = option(args, "--algorithms");
        if (algorithms != null) AlgorithmList.check(List.of(algorithms.split(",")), Algorithms.standard());
        args.stream().filter(word -> word.startsWith("scenarios/"))
                .forEach(file -> assertThat(Path.of(file)).as(command).isRegularFile());
        return args;
    }

    private static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        return at < 0 ? null : args.get(at + 1);
    }

    private static JsonNode job(List<JsonNode> documents, String name) {
        return documents.stream().filter(d -> d.at("/kind").asText().equals("Job"))
                .filter(d -> d.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow();
    }

    /** The shell script a Job's container runs: {@code sh -c SCRIPT}. */
    private static String script(JsonNode job) {
        JsonNode container = job.at("/spec/template/spec/containers/0");
        assertThat(container.at("/command").toString()).isEqualTo("[\"/bin/sh\",\"-c\"]");
        return container.at("/args/0").asText();
    }

    /** Each lbsim command of a script: from "lbsim" to the end of its line or the next {@code &&}. */
    private static List<String> lbsimCommands(String script) {
        List<String> commands = new ArrayList<>();
        for (String line : script.split("\n")) {
            for (String part : line.split("&&")) {
                String command = part.strip().replaceFirst("^exec ", "");
                if (command.startsWith("lbsim ")) commands.add(command);
            }
        }
        return commands;
    }

    private static String arithmetic(String text) {
        Matcher sum = Pattern.compile("\\$\\(\\(\\s*(\\d+)\\s*\\+\\s*(\\d+)\\s*\\)\\)").matcher(text);
        return sum.replaceAll(m -> String.valueOf(Long.parseLong(m.group(1)) + Long.parseLong(m.group(2))));
    }

    private static String variables(String text, Map<String, String> values) {
        Matcher variable = Pattern.compile("\\$\\{?(\\w+)\\}?").matcher(text);
        return variable.replaceAll(m -> {
            String value = values.get(m.group(1));
            assertThat(value).as("a value for $" + m.group(1)).isNotNull();
            return Matcher.quoteReplacement(value);
        });
    }

    /** The words of a command as a shell splits them: at blanks outside double quotes, the quotes removed. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }
}
