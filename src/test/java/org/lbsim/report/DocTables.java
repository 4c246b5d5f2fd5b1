package org.lbsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.Metric;

/**
 * The Markdown tables of the docs, made from the JSON of {@code compare} or {@code sweep}, with
 * every estimate printed as lbsim's own tables print it.
 *
 * <ul>
 *   <li>{@code algorithms}: a row per algorithm of a comparison: mean, p50 and p99 latency, the
 *       paired difference of the mean against the first algorithm, and the least and most busy
 *       server (each server's utilization averaged over the replications);
 *   <li>{@code sweep}: the same columns but the paired difference, a row per configuration of a
 *       sweep, named by its varying values;
 *   <li>{@code sweep-mean}: a row per value of a sweep's one varying path, a column per
 *       algorithm, the mean latency in each cell.
 * </ul>
 */
public final class DocTables {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Metric> METRICS = Map.of(
            "mean", Metric.find("latency.mean").orElseThrow(),
            "p50", Metric.find("latency.p50").orElseThrow(),
            "p99", Metric.find("latency.p99").orElseThrow());

    private DocTables() {
    }

    /** The table of {@code kind} from a comparison's or a sweep's JSON. */
    public static String render(String kind, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JsonNode> results = new ArrayList<>();
        root.get("results").forEach(results::add);
        return switch (kind) {
            case "algorithms" -> algorithms(results);
            case "sweep" -> sweep(results);
            case "sweep-mean" -> sweepMean(results);
            default -> throw new IllegalArgumentException("no doc table of kind '" + kind
                    + "', expected algorithms, sweep or sweep-mean");
        };
    }

    private static String algorithms(List<JsonNode> results) {
        String first = results.get(0).get("algorithm").asText();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("algorithm", "mean ms", "p50 ms", "p99 ms", "Δ mean vs `" + first + "` ms",
                "server utilization min–max"));
        for (JsonNode result : results) {
            List<String> row = new ArrayList<>();
            row.add("`" + result.get("algorithm").asText() + "`");
            latencies(result, row);
            row.add(difference(result));
            row.add(utilizationRange(result));
            rows.add(row);
        }
        return markdown(rows, 1, true);
    }

    private static String sweep(List<JsonNode> results) {
        List<String> varying = varyingPaths(results);
        boolean severalAlgorithms = results.stream().map(r -> r.get("algorithm").asText()).distinct().count() > 1;
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        varying.forEach(path -> header.add("`" + lastSegment(path) + "`"));
        if (severalAlgorithms) header.add("algorithm");
        header.addAll(List.of("mean ms", "p50 ms", "p99 ms", "server utilization min–max"));
        rows.add(header);
        for (JsonNode result : results) {
            List<String> row = new ArrayList<>();
            varying.forEach(path -> row.add(result.get("set").get(path).asText()));
            if (severalAlgorithms) row.add("`" + result.get("algorithm").asText() + "`");
            latencies(result, row);
            row.add(utilizationRange(result));
            rows.add(row);
        }
        return markdown(rows, varying.size() + (severalAlgorithms ? 1 : 0), true);
    }

    private static String sweepMean(List<JsonNode> results) {
        List<String> varying = varyingPaths(results);
        if (varying.size() != 1) throw new IllegalArgumentException("sweep-mean needs exactly one varying path, found " + varying);
        String path = varying.get(0);
        Set<String> values = new LinkedHashSet<>();
        Set<String> algorithms = new LinkedHashSet<>();
        for (JsonNode result : results) {
            values.add(result.get("set").get(path).asText());
            algorithms.add(result.get("algorithm").asText());
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("`" + lastSegment(path) + "`"));
        algorithms.forEach(algorithm -> header.add("`" + algorithm + "`"));
        rows.add(header);
        for (String value : values) {
            List<String> row = new ArrayList<>(List.of(value));
            for (String algorithm : algorithms) {
                JsonNode result = results.stream().filter(r -> r.get("set").get(path).asText().equals(value)
                        && r.get("algorithm").asText().equals(algorithm)).findFirst().orElseThrow();
                row.add(ExperimentTable.format(estimate(result.get("summary").get("latency.mean"), result), METRICS.get("mean")));
            }
            rows.add(row);
        }
        return markdown(rows, 1, false);
    }

    private static void latencies(JsonNode result, List<String> row) {
        for (String column : List.of("mean", "p50", "p99")) {
            Metric metric = METRICS.get(column);
            row.add(ExperimentTable.format(estimate(result.get("summary").get(metric.name()), result), metric));
        }
    }

    /** The paired difference of the mean against the first algorithm; "identical" when every replication agreed. */
    private static String difference(JsonNode result) {
        JsonNode paired = result.get("pairedDifference");
        if (paired == null) return "—";
        JsonNode mean = paired.get("latency.mean");
        if (mean.get("mean").asDouble() == 0 && mean.get("halfWidth95").asDouble() == 0) return "identical";
        Estimate difference = estimate(mean, result);
        String text = ExperimentTable.format(difference, METRICS.get("mean"));
        return (text.startsWith("-") ? text : "+" + text) + (difference.excludesZero() ? " *" : "");
    }

    /** The least and the most busy server, each server's utilization averaged over the replications. */
    private static String utilizationRange(JsonNode result) {
        int servers = result.get("runs").get(0).get("servers").size();
        double[] sums = new double[servers];
        int runs = 0;
        for (JsonNode run : result.get("runs")) {
            for (int i = 0; i < servers; i++) sums[i] += run.get("servers").get(i).get("utilization").asDouble();
            runs++;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double sum : sums) {
            min = Math.min(min, sum / runs);
            max = Math.max(max, sum / runs);
        }
        return String.format(Locale.ROOT, "%.2f–%.2f", min, max);
    }

    private static Estimate estimate(JsonNode node, JsonNode result) {
        JsonNode halfWidth = node.get("halfWidth95");
        return new Estimate(node.get("mean").asDouble(), halfWidth.isNull() ? Double.NaN : halfWidth.asDouble(),
                result.get("replications").asInt());
    }

    private static List<String> varyingPaths(List<JsonNode> results) {
        List<String> varying = new ArrayList<>();
        results.get(0).get("set").fieldNames().forEachRemaining(path -> {
            if (results.stream().map(r -> r.get("set").get(path).asText()).distinct().count() > 1) varying.add(path);
        });
        return varying;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * A Markdown table: the first {@code labels} columns, and the last one when it is text, are
     * aligned left; the others are numbers, aligned right.
     */
    private static String markdown(List<List<String>> rows, int labels, boolean lastIsText) {
        StringBuilder out = new StringBuilder();
        int columns = rows.get(0).size();
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                out.append('|');
                for (int c = 0; c < columns; c++) out.append(c < labels || lastIsText && c == columns - 1 ? "---|" : "---:|");
                out.append('\n');
            }
        }
        return out.toString();
    }
}
