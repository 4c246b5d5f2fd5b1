package org.lbsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.experiment.ClosedForm;
import org.lbsim.experiment.Experiments;
import org.lbsim.experiment.TheoryComparison;
import org.lbsim.experiment.TheoryComparison.Quantity;
import org.lbsim.report.JsonReport;
import org.lbsim.report.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lbsim theory}: a scenario's closed form from queueing theory beside what lbsim measures
 * over independent replications, or the assumptions that keep any closed form from applying
 * (and still the measurement). With several scenarios, one table of every case.
 */
@Command(name = "theory", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Print the closed form a scenario's queue has (M/M/c, Erlang B, Pollaczek–Khinchine, "
                + "join-the-shortest-queue, power-of-d's mean field...) beside lbsim's measurement, or why none applies.")
final class TheoryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML); several give one table.")
    List<Path> files = new ArrayList<>();

    @Mixin
    ScenarioChanges changes = new ScenarioChanges();

    @Option(names = "--replications", paramLabel = "R", description = "Independent replications (default: ${DEFAULT-VALUE}).")
    int replications = 10;

    @Option(names = "--threads", paramLabel = "N", description = "Replications run at once (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", paramLabel = "FILE|-", description = "Write the comparison as JSON to FILE, or to standard output with -.")
    String json;

    @Option(names = "--quiet", description = "Print no table and no progress bar.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws Exception {
        if (replications < 2 || replications > ExperimentOptions.MAX_REPLICATIONS) {
            throw new UserInputException("--replications: found " + replications + ", expected 2 to "
                    + ExperimentOptions.MAX_REPLICATIONS + " (an interval needs two replications at least)");
        }
        if (threads < 1) throw new UserInputException("--threads: found " + threads + ", expected 1 or more");
        ExperimentOptions.checkWritable("--json", json);
        changes.checkSpeedup();
        Algorithms algorithms = Algorithms.standard();
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) scenarios.add(changes.load(file, algorithms, changes.overrides, files.size() == 1));
        List<TheoryComparison> comparisons = new ArrayList<>();
        try (ProgressBars progress = ProgressBars.create("replications", !quiet && System.console() != null)) {
            Experiments experiments = new Experiments(algorithms, threads, progress);
            for (Scenario scenario : scenarios) comparisons.add(TheoryComparison.of(scenario, replications, experiments));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet && !"-".equals(json)) {
            out.print(comparisons.size() == 1 ? TheoryText.single(comparisons.get(0)) : TheoryText.table(files, comparisons));
            out.flush();
        }
        if ("-".equals(json)) {
            out.print(toJson(files, comparisons));
            out.flush();
        } else if (json != null) {
            try {
                OutputFiles.write(Path.of(json), toJson(files, comparisons));
            } catch (OutputFiles.WriteFailure e) {
                throw new UserInputException("--json: " + e.getMessage());
            }
        }
        return 0;
    }

    private static String toJson(List<Path> files, List<TheoryComparison> comparisons) throws JsonProcessingException {
        if (comparisons.size() == 1) return MAPPER.writeValueAsString(toTree(files.get(0), comparisons.get(0))) + "\n";
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (int i = 0; i < comparisons.size(); i++) results.add(toTree(files.get(i), comparisons.get(i)));
        return MAPPER.writeValueAsString(root) + "\n";
    }

    private static ObjectNode toTree(Path file, TheoryComparison comparison) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", file.toString());
        node.put("scenario", comparison.scenario().name());
        node.put("algorithm", comparison.scenario().balancer().algorithm());
        node.put("replications", comparison.measured().replications());
        if (comparison.form() instanceof ClosedForm.Prediction p) {
            ObjectNode form = node.putObject("closedForm");
            form.put("model", p.model());
            form.put("formula", p.formula());
            form.put("parameters", p.parameters());
            form.put("exact", p.exact());
            form.put("responseTime", p.responseTime());
            form.put("utilization", p.utilization());
            p.waitingProbability().ifPresent(v -> form.put("waitingProbability", v));
            p.lossProbability().ifPresent(v -> form.put("lossProbability", v));
            p.notes().forEach(form.putArray("notes")::add);
            node.putNull("noClosedForm");
        } else {
            node.putNull("closedForm");
            ((ClosedForm.NoClosedForm) comparison.form()).reasons().forEach(node.putArray("noClosedForm")::add);
        }
        ArrayNode quantities = node.putArray("quantities");
        for (Quantity q : comparison.quantities()) {
            ObjectNode item = quantities.addObject();
            item.put("name", q.name());
            putNumber(item, "reference", q.reference());
            putNumber(item, "mean", q.measured().mean());
            putNumber(item, "halfWidth95", q.measured().halfWidth95());
            if (q.hasReference()) {
                putNumber(item, "relativeError", q.relativeError());
                item.put("withinInterval", q.withinInterval());
            }
        }
        node.set("measured", JsonReport.toTree(comparison.measured()));
        return node;
    }

    /** JSON has no NaN: a quantity that does not exist is null. */
    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) node.put(key, value);
        else node.putNull(key);
    }

    /** The text the command prints: one comparison in full, or a table of several. */
    static final class TheoryText {

        private TheoryText() {
        }

        static String single(TheoryComparison c) {
            StringBuilder text = new StringBuilder();
            Scenario scenario = c.scenario();
            int n = scenario.servers().size();
            text.append(String.format(Locale.ROOT, "%s (%s, %d server%s)%n", scenario.name(), scenario.balancer().algorithm(),
                    n, n == 1 ? "" : "s"));
            if (c.form() instanceof ClosedForm.Prediction p) {
                text.append("closed form   ").append(p.model()).append(p.exact() ? "" : " (a limit)").append('\n');
                text.append("  formula     ").append(p.formula()).append('\n');
                text.append("  values      ").append(p.parameters()).append('\n');
                p.waitingProbability().ifPresent(v -> text.append(String.format(Locale.ROOT,
                        "  P(wait)     %.4f%n", v)));
                for (String note : p.notes()) text.append("  note        ").append(note).append('\n');
            } else {
                text.append("no closed form applies:\n");
                for (String reason : ((ClosedForm.NoClosedForm) c.form()).reasons()) {
                    text.append("  - ").append(reason).append('\n');
                }
            }
            text.append('\n');
            boolean predicted = c.form() instanceof ClosedForm.Prediction;
            String measuredHeader = "lbsim, " + c.measured().replications() + " replications (95% CI)";
            List<String[]> rows = new ArrayList<>();
            rows.add(predicted ? new String[] {"quantity", "theory", measuredHeader, "error", "theory in CI"}
                    : new String[] {"quantity", measuredHeader});
            for (Quantity q : c.quantities()) {
                String measured = Formats.estimate(q);
                rows.add(predicted && q.hasReference()
                        ? new String[] {q.name(), Formats.value(q, q.reference()), measured, Formats.error(q), q.withinInterval() ? "yes" : "no"}
                        : predicted ? new String[] {q.name(), "—", measured, "", ""} : new String[] {q.name(), measured});
            }
            text.append(Formats.columns(rows));
            c.measured().warnings().stream().distinct().forEach(w -> text.append("warning: ").append(w).append('\n'));
            return text.toString();
        }

        static String table(List<Path> files, List<TheoryComparison> comparisons) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"case", "closed form", "quantity", "reference", "lbsim (95% CI)", "error", "reference in CI"});
            List<String> reasons = new ArrayList<>();
            int replications = comparisons.get(0).measured().replications();
            for (int i = 0; i < comparisons.size(); i++) {
                TheoryComparison c = comparisons.get(i);
                String name = files.get(i).getFileName().toString().replaceFirst("\\.ya?ml$", "");
                if (c.form() instanceof ClosedForm.Prediction p) {
                    boolean first = true;
                    for (Quantity q : c.quantities()) {
                        if (!q.hasReference() || q.name().equals("utilization")) continue;
                        rows.add(new String[] {first ? name : "", first ? p.model() : "", q.name(),
                                Formats.value(q, q.reference()), Formats.estimate(q), Formats.error(q),
                                q.withinInterval() ? "yes" : "no"});
                        first = false;
                    }
                } else {
                    Quantity q = c.quantities().get(0);
                    rows.add(new String[] {name, "none (see below)", q.name(), "—", Formats.estimate(q), "", ""});
                    reasons.add(name + ": " + String.join("; ", ((ClosedForm.NoClosedForm) c.form()).reasons()));
                }
            }
            StringBuilder text = new StringBuilder(Formats.columns(rows));
            text.append(String.format(Locale.ROOT, "%nlbsim: the mean over %d replications ± the half-width of its 95%% "
                    + "confidence interval (Student's t).%n", replications));
            for (String reason : reasons) text.append(reason).append('\n');
            return text.toString();
        }
    }

    /** Numbers as the tables show them: times in ms, fractions in percent. */
    static final class Formats {

        private Formats() {
        }

        static String value(Quantity q, double value) {
            return q.unit().equals("s") ? String.format(Locale.ROOT, "%.2f ms", value * 1000)
                    : String.format(Locale.ROOT, "%.2f%%", value * 100);
        }

        static String estimate(Quantity q) {
            double scale = q.unit().equals("s") ? 1000 : 100;
            String unit = q.unit().equals("s") ? " ms" : "%";
            double half = q.measured().halfWidth95();
            return String.format(Locale.ROOT, "%.2f ± %.2f%s", q.measured().mean() * scale, half * scale, unit);
        }

        static String error(Quantity q) {
            return String.format(Locale.ROOT, "%+.2f%%", q.relativeError() * 100);
        }

        /** Rows as left-aligned columns two spaces apart, the first row a header. */
        static String columns(List<String[]> rows) {
            int[] widths = new int[rows.get(0).length];
            for (String[] row : rows) for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(row[i]);
                    if (i < row.length - 1) line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
            return text.toString();
        }
    }
}
