package org.lbsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.Replicated;

/**
 * The readable tables of replications, comparisons and sweeps: every estimate as
 * {@code mean ± half-width} of its 95% confidence interval, in display units.
 */
public final class ExperimentTable {

    private static final String PLUS_MINUS = " ± ";

    private ExperimentTable() {
    }

    /** One configuration: a row per metric. */
    public static String replicated(Replicated result) {
        StringBuilder out = new StringBuilder();
        line(out, "%s — %s, %s (seeds derived from %d), 95%% confidence intervals",
                result.runs().get(0).scenario(), result.algorithm(), Words.count(result.replications(), "replication"),
                result.runs().get(0).seed());
        out.append('\n');
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("metric", "mean ± half-width"));
        for (Metric metric : result.metrics()) rows.add(List.of(metric.labelWithUnit(), format(result.estimate(metric), metric)));
        columns(out, rows);
        warnings(out, List.of(result));
        return out.toString();
    }

    /**
     * A comparison: a row per metric and a column per algorithm, then the paired differences
     * against the first algorithm, marked where the interval excludes zero.
     */
    public static String comparison(List<Replicated> results) {
        StringBuilder out = new StringBuilder();
        Replicated first = results.get(0);
        line(out, "%s — %s, %s each on common random numbers, 95%% confidence intervals",
                first.runs().get(0).scenario(), Words.count(results.size(), "algorithm"),
                Words.count(first.replications(), "replication"));
        out.append('\n');
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric"));
        results.forEach(result -> header.add(result.algorithm()));
        rows.add(header);
        for (Metric metric : first.metrics()) {
            List<String> row = new ArrayList<>(List.of(metric.labelWithUnit()));
            results.forEach(result -> row.add(format(result.estimate(metric), metric)));
            rows.add(row);
        }
        columns(out, rows);
        if (results.size() > 1) {
            out.append('\n');
            line(out, "paired difference versus %s (algorithm − %s); * = significant at the 5%% level "
                    + "(the interval excludes 0)", first.algorithm(), first.algorithm());
            out.append('\n');
            rows = new ArrayList<>();
            List<String> differenceHeader = new ArrayList<>(List.of("metric"));
            results.subList(1, results.size()).forEach(result -> differenceHeader.add(result.algorithm()));
            rows.add(differenceHeader);
            for (Metric metric : first.metrics()) {
                List<String> row = new ArrayList<>(List.of(metric.labelWithUnit()));
                for (Replicated result : results.subList(1, results.size())) {
                    Estimate difference = result.comparison().orElseThrow().difference().get(metric.name());
                    row.add(signed(difference, metric) + (difference.excludesZero() ? " *" : "  "));
                }
                rows.add(row);
            }
            columns(out, rows);
        }
        warnings(out, results);
        return out.toString();
    }

    /**
     * A sweep: a row per point and algorithm, a column per varying set path and per headline
     * metric; set paths with one value for all points are named once above the table.
     */
    public static String sweep(List<Replicated> results) {
        StringBuilder out = new StringBuilder();
        line(out, "%s — sweep of %s, %s each, 95%% confidence intervals",
                results.get(0).runs().get(0).scenario(), Words.count(results.size(), "configuration"),
                Words.count(results.get(0).replications(), "replication"));
        List<String> varying = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String path : results.get(0).set().keySet()) {
            boolean varies = results.stream().map(result -> result.set().get(path)).distinct().count() > 1;
            if (varies) {
                varying.add(path);
            } else {
                fixed.add(path + "=" + results.get(0).set().get(path));
            }
        }
        if (!fixed.isEmpty()) line(out, "with %s", String.join(", ", fixed));
        out.append('\n');
        List<Metric> metrics = Metric.STANDARD.stream().filter(Metric::headline).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(varying);
        header.add("algorithm");
        metrics.forEach(metric -> header.add(metric.labelWithUnit()));
        rows.add(header);
        for (Replicated result : results) {
            List<String> row = new ArrayList<>();
            varying.forEach(path -> row.add(result.set().get(path)));
            row.add(result.algorithm());
            metrics.forEach(metric -> row.add(format(result.estimate(metric), metric)));
            rows.add(row);
        }
        columns(out, rows);
        warnings(out, results);
        return out.toString();
    }

    /**
     * Mean ± half-width in display units, both rounded to the half-width's second significant
     * digit. A half-width of exactly 0 (every replication gave the same value) shows as "± 0"
     * after the value with the digits it has; one too small for six decimals shows as a bound.
     */
    public static String format(Estimate estimate, Metric metric) {
        double mean = estimate.mean() * metric.displayScale();
        double halfWidth = estimate.halfWidth95() * metric.displayScale();
        if (!Double.isFinite(mean)) return "-";
        if (halfWidth == 0) return exactly(mean) + PLUS_MINUS + "0";
        int decimals = decimals(halfWidth);
        // Adding 0.0 turns -0.0 into 0.0, so a mean that rounds to zero shows no sign.
        String text = String.format(Locale.ROOT, "%." + decimals + "f", round(mean, decimals) + 0.0);
        if (!Double.isFinite(halfWidth)) return mean == Math.rint(mean) ? exactly(mean) : text; // one replication
        if (round(halfWidth, decimals) == 0) return text + PLUS_MINUS + "<" + BigDecimal.ONE.movePointLeft(decimals).toPlainString();
        return text + PLUS_MINUS + String.format(Locale.ROOT, "%." + decimals + "f", halfWidth);
    }

    /** A value known without error: a whole number as one, anything else to six significant digits, no trailing zeros. */
    private static String exactly(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A paired difference with its sign, but none on a difference that is exactly 0 in every replication. */
    private static String signed(Estimate estimate, Metric metric) {
        String text = format(estimate, metric);
        boolean none = estimate.mean() == 0 && estimate.halfWidth95() == 0;
        return none || text.startsWith("-") ? text : "+" + text;
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static int decimals(double halfWidth) {
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) return 2;
        return Math.max(0, Math.min(6, 1 - (int) Math.floor(Math.log10(halfWidth))));
    }

    /** Left-aligned first column, right-aligned others, each as wide as its widest cell. */
    private static void columns(StringBuilder out, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        for (List<String> row : rows) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) text.append("   ");
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? cell + pad : pad + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
    }

    private static void warnings(StringBuilder out, List<Replicated> results) {
        Set<String> said = new LinkedHashSet<>();
        for (Replicated result : results) {
            String where = result.algorithm() + (result.set().isEmpty() ? "" : " " + result.set());
            result.warnings().forEach(warning -> said.add(results.size() == 1 ? warning : where + ": " + warning));
        }
        if (!said.isEmpty()) out.append('\n');
        said.forEach(warning -> line(out, "warning: %s", warning));
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
