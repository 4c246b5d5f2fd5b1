package org.lbsim.report;

import java.util.Locale;
import org.lbsim.metrics.ClassResult;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.LatencySummary;
import org.lbsim.metrics.RequestCounts;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.NetworkAclResult;
import org.lbsim.metrics.SecurityGroupResult;
import org.lbsim.metrics.ServerResult;

/** The readable summary {@code lbsim run} prints: outcomes, latency, servers, security groups, network ACLs, health. */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static String render(RunResult result, double warmup) {
        StringBuilder out = new StringBuilder();
        line(out, "%s — %s, seed %d", result.scenario(), result.algorithm(), result.seed());
        line(out, "simulated %s, measured after a warm-up of %s", seconds(result.simulatedSeconds()), seconds(warmup));
        out.append('\n');

        RequestCounts requests = result.requests();
        line(out, "%-14s %12s %8s", "requests", "count", "share");
        row(out, "offered", requests.offered(), requests.offered());
        row(out, "completed", requests.completed(), requests.offered());
        row(out, "denied", requests.denied(), requests.offered());
        row(out, "rejected", requests.rejected(), requests.offered());
        row(out, "failed", requests.failed(), requests.offered());
        row(out, "timed out", requests.timedOut(), requests.offered());
        row(out, "in flight", requests.inFlight(), requests.offered());
        if (requests.retried() > 0) line(out, "  (%s on another backend)", Words.count(requests.retried(), "retry", "retries"));
        line(out, "throughput %.1f/s, availability %s", result.throughput(), percent(result.availability()));
        out.append('\n');

        LatencySummary latency = result.latency();
        line(out, "latency    %9s %9s %9s %9s %9s %9s %9s", "mean", "p50", "p90", "p95", "p99", "p99.9", "max");
        line(out, "           %9s %9s %9s %9s %9s %9s %9s", millis(latency.mean()), millis(latency.p50()),
                millis(latency.p90()), millis(latency.p95()), millis(latency.p99()), millis(latency.p999()),
                millis(latency.max()));
        for (ClassResult requestClass : result.workload().classes()) {
            LatencySummary classLatency = requestClass.latency();
            line(out, "  %-8s %9s %9s %9s %9s %9s %9s %9s  (%,d completed)", requestClass.name(), millis(classLatency.mean()),
                    millis(classLatency.p50()), millis(classLatency.p90()), millis(classLatency.p95()),
                    millis(classLatency.p99()), millis(classLatency.p999()), millis(classLatency.max()),
                    requestClass.completed());
        }
        out.append('\n');

        line(out, "%-14s %11s %10s %14s %8s", "server", "utilization", "completed", "mean in system", "up");
        for (ServerResult server : result.servers()) {
            line(out, "%-14s %11s %,10d %14.2f %8s", server.name(), percent(server.utilization()), server.completed(),
                    server.meanInSystem(), percent(server.upFraction()));
        }
        if (!result.securityGroups().isEmpty()) {
            out.append('\n');
            line(out, "%-14s %10s", "security group", "denied");
            for (SecurityGroupResult group : result.securityGroups()) line(out, "%-14s %,10d", group.name(), group.denied());
        }
        if (!result.networkAcls().isEmpty()) {
            out.append('\n');
            line(out, "%-14s %10s  %s", "network ACL", "denied", "hits by rule");
            for (NetworkAclResult acl : result.networkAcls()) {
                StringBuilder hits = new StringBuilder();
                for (NetworkAclResult.RuleHits rule : acl.rules()) {
                    hits.append(String.format(Locale.ROOT, "%s %d: %,d  ", rule.direction().equals("inbound") ? "in" : "out",
                            rule.number(), rule.hits()));
                }
                line(out, "%-14s %,10d  %s", acl.name(), acl.denied(), hits.toString().strip());
            }
        }
        out.append('\n');
        var balancer = result.balancer();
        // No mean detection time when the balancer detected no failure: there is nothing to average.
        line(out, "balancer: %s, %d marked down, %d marked up%s", Words.count(balancer.healthChecks(), "health check"),
                balancer.markedDown(), balancer.markedUp(), Double.isFinite(balancer.meanDetectionSeconds())
                        ? ", mean detection " + seconds(balancer.meanDetectionSeconds()) : "");
        if (balancer.secondsBelowMinimumHealthy() > 0) {
            line(out, "  below the healthy minimum for %s", seconds(balancer.secondsBelowMinimumHealthy()));
        }
        for (FailureRecord failure : result.failures()) {
            line(out, "  %s %s at %s, %s, %s lost", failure.server(), failure.kind(), seconds(failure.at()),
                    noticedAndOver(failure), Words.count(failure.lost(), "request"));
        }
        var sessions = result.workload().sessions();
        if (sessions != null) {
            line(out, "sessions: %,d started, %,d broken (moved off an instance that stopped being available)",
                    sessions.started(), sessions.broken());
        }
        var trace = result.workload().trace();
        if (trace != null) {
            line(out, "trace: %s, %,d replayed, %,d skipped, %,d out of order", Words.count(trace.lines(), "line"),
                    trace.replayed(), trace.skipped(), trace.reordered());
            for (String skipped : trace.firstSkipped()) line(out, "  skipped %s", skipped);
        }
        var scaling = result.scaling();
        if (scaling.added() > 0 || scaling.removed() > 0) {
            line(out, "scaling: %d added, %d removed, between %d and %d instances", scaling.added(), scaling.removed(),
                    scaling.minInstances(), scaling.maxInstances());
        }
        if (result.cost().total() > 0) {
            line(out, "cost: %.2f instance-hours, %.4f in total, %.4f per million completed requests",
                    result.cost().instanceHours(), result.cost().total(), result.cost().perMillionCompleted());
        }
        for (String warning : result.warnings()) line(out, "warning: %s", warning);
        return out.toString();
    }

    /** When the balancer noticed an outage and when it ended, in words where either did not happen in the run. */
    static String noticedAndOver(FailureRecord failure) {
        boolean noticed = Double.isFinite(failure.detectedAfterSeconds());
        boolean over = Double.isFinite(failure.recoveredAt());
        if (noticed && over) {
            return "noticed after " + seconds(failure.detectedAfterSeconds()) + ", over at " + seconds(failure.recoveredAt());
        }
        if (noticed) return "noticed after " + seconds(failure.detectedAfterSeconds()) + ", not over by the end of the run";
        if (over) return "not noticed before it was over at " + seconds(failure.recoveredAt());
        return "neither noticed nor over by the end of the run";
    }

    private static void row(StringBuilder out, String label, long count, long total) {
        line(out, "  %-12s %,12d %8s", label, count, total == 0 ? "-" : percent((double) count / total));
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "-";
    }

    private static String millis(double seconds) {
        return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.1f ms", 1000 * seconds) : "-";
    }

    /** Seconds to a tenth; only ever given a time that exists (see {@link #noticedAndOver}). */
    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
