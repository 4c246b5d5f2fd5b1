package org.lbsim.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lbsim.metrics.BalancerResult;
import org.lbsim.metrics.ClassResult;
import org.lbsim.metrics.CostResult;
import org.lbsim.metrics.EngineStats;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.LatencyDistribution;
import org.lbsim.metrics.LatencySummary;
import org.lbsim.metrics.NetworkAclResult;
import org.lbsim.metrics.RequestCounts;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.ScalingResult;
import org.lbsim.metrics.SecurityGroupResult;
import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.SessionResult;
import org.lbsim.metrics.TraceResult;
import org.lbsim.metrics.WorkloadResult;

/**
 * A run's result read back from the JSON that {@link org.lbsim.report.JsonReport} wrote of it,
 * key for key, with the latency distribution the JSON leaves out given beside it. Numbers come
 * back as they were written (JSON keeps every digit of a double); {@code null} is NaN.
 */
final class RunJson {

    private RunJson() {
    }

    static RunResult read(JsonNode run, LatencyDistribution distribution) {
        return new RunResult(text(run, "scenario"), text(run, "algorithm"), run.get("seed").asLong(),
                number(run, "simulatedSeconds"), requests(run.get("requests")), latency(run.get("latency"), distribution),
                number(run, "throughput"), number(run, "availability"), list(run.get("servers"), RunJson::server),
                list(run.get("securityGroups"), RunJson::securityGroup), list(run.get("networkAcls"), RunJson::networkAcl),
                balancer(run.get("balancer")), list(run.get("failures"), RunJson::failure), scaling(run.get("scaling")),
                cost(run.get("cost")), workload(run), engine(run.get("engine")), list(run.get("warnings"), JsonNode::asText));
    }

    private static RequestCounts requests(JsonNode node) {
        return new RequestCounts(count(node, "offered"), count(node, "denied"), count(node, "rejected"), count(node, "failed"),
                count(node, "timedOut"), count(node, "completed"), count(node, "inFlight"), count(node, "retried"));
    }

    private static LatencySummary latency(JsonNode node, LatencyDistribution distribution) {
        return new LatencySummary(number(node, "mean"), number(node, "p50"), number(node, "p90"), number(node, "p95"),
                number(node, "p99"), number(node, "p999"), number(node, "max"), distribution);
    }

    private static ServerResult server(JsonNode node) {
        return new ServerResult(text(node, "name"), number(node, "utilization"), count(node, "completed"),
                number(node, "meanInSystem"), number(node, "upFraction"));
    }

    private static SecurityGroupResult securityGroup(JsonNode node) {
        return new SecurityGroupResult(text(node, "name"), count(node, "denied"), list(node.get("rules"),
                rule -> new SecurityGroupResult.RuleHits(rule.get("index").asInt(), count(rule, "hits"))));
    }

    private static NetworkAclResult networkAcl(JsonNode node) {
        return new NetworkAclResult(text(node, "name"), count(node, "denied"), list(node.get("rules"),
                rule -> new NetworkAclResult.RuleHits(text(rule, "direction"), rule.get("number").asInt(), count(rule, "hits"))));
    }

    private static BalancerResult balancer(JsonNode node) {
        return new BalancerResult(count(node, "healthChecks"), count(node, "markedDown"), count(node, "markedUp"),
                number(node, "meanDetectionSeconds"), number(node, "secondsBelowMinimumHealthy"));
    }

    private static FailureRecord failure(JsonNode node) {
        return new FailureRecord(text(node, "server"), text(node, "kind"), number(node, "at"),
                number(node, "detectedAfterSeconds"), number(node, "recoveredAt"), count(node, "lost"));
    }

    private static ScalingResult scaling(JsonNode node) {
        return new ScalingResult(node.get("added").asInt(), node.get("removed").asInt(), node.get("maxInstances").asInt(),
                node.get("minInstances").asInt());
    }

    private static CostResult cost(JsonNode node) {
        return new CostResult(number(node, "instanceHours"), number(node, "total"), number(node, "perMillionCompleted"));
    }

    /** Classes, sessions and trace; a class's latency distribution is not stored (no report draws it). */
    private static WorkloadResult workload(JsonNode run) {
        List<ClassResult> classes = list(run.get("classes"), node -> new ClassResult(text(node, "name"),
                count(node, "completed"), latency(node.get("latency"), LatencyDistribution.EMPTY)));
        JsonNode sessions = run.get("sessions");
        JsonNode trace = run.get("trace");
        return new WorkloadResult(classes,
                sessions == null || sessions.isNull() ? null : new SessionResult(count(sessions, "started"), count(sessions, "broken")),
                trace == null || trace.isNull() ? null : new TraceResult(count(trace, "lines"), count(trace, "replayed"),
                        count(trace, "skipped"), count(trace, "reordered"), list(trace.get("firstSkipped"), JsonNode::asText)));
    }

    private static EngineStats engine(JsonNode node) {
        return new EngineStats(count(node, "events"), number(node, "wallSeconds"), number(node, "eventsPerSecond"));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> items = new ArrayList<>();
        if (array != null) array.forEach(node -> items.add(element.apply(node)));
        return items;
    }

    private static String text(JsonNode node, String key) {
        return node.get(key).asText();
    }

    private static long count(JsonNode node, String key) {
        return node.get(key).asLong();
    }

    /** JSON has no NaN: the report writes a quantity that does not exist as null. */
    static double number(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Double.NaN : value.asDouble();
    }
}
