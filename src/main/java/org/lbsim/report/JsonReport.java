package org.lbsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.lbsim.metrics.ClassResult;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.FailureRecord;
import org.lbsim.metrics.LatencySummary;
import org.lbsim.metrics.NetworkAclResult;
import org.lbsim.metrics.Outcome;
import org.lbsim.metrics.Replicated;
import org.lbsim.metrics.RequestCounts;
import org.lbsim.metrics.RunResult;
import org.lbsim.metrics.SecurityGroupResult;
import org.lbsim.metrics.ServerResult;
import org.lbsim.metrics.SessionResult;
import org.lbsim.metrics.TraceResult;
import org.lbsim.metrics.WorkloadResult;

/**
 * The JSON results of the design, key for key and in its order. A quantity that does not exist
 * (latency when nothing completed, detection time when nothing was detected) is {@code null},
 * since JSON has no NaN.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String toJson(RunResult result) {
        return write(toTree(result));
    }

    /** Replications of one configuration: the design's {@code replications}, {@code runs} and {@code summary}. */
    public static String toJson(Replicated replicated) {
        return write(toTree(replicated));
    }

    /**
     * A comparison or a sweep: {@code results}, each a replicated configuration tagged with its
     * algorithm and set values.
     */
    public static String toJson(List<Replicated> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", results.get(0).runs().get(0).scenario());
        ArrayNode array = root.putArray("results");
        results.forEach(result -> array.add(toTree(result)));
        return write(root);
    }

    public static ObjectNode toTree(Replicated replicated) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", replicated.runs().get(0).scenario());
        root.put("algorithm", replicated.algorithm());
        if (!replicated.set().isEmpty()) {
            ObjectNode set = root.putObject("set");
            replicated.set().forEach(set::put);
        }
        root.put("replications", replicated.replications());
        ArrayNode runs = root.putArray("runs");
        replicated.runs().forEach(run -> runs.add(toTree(run)));
        root.set("summary", estimates(replicated.summary()));
        replicated.comparison().ifPresent(comparison -> {
            root.put("versus", comparison.versus());
            root.set("pairedDifference", estimates(comparison.difference()));
        });
        ArrayNode warnings = root.putArray("warnings");
        replicated.warnings().forEach(warnings::add);
        return root;
    }

    private static ObjectNode estimates(Map<String, Estimate> estimates) {
        ObjectNode node = MAPPER.createObjectNode();
        estimates.forEach((name, estimate) -> {
            ObjectNode entry = node.putObject(name);
            number(entry, "mean", estimate.mean());
            number(entry, "halfWidth95", estimate.halfWidth95());
        });
        return node;
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toTree(RunResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", result.scenario());
        root.put("algorithm", result.algorithm());
        root.put("seed", result.seed());
        number(root, "simulatedSeconds", result.simulatedSeconds());
        root.set("requests", requests(result.requests()));
        root.set("latency", latency(result.latency()));
        number(root, "throughput", result.throughput());
        number(root, "availability", result.availability());
        ArrayNode servers = root.putArray("servers");
        for (ServerResult server : result.servers()) {
            ObjectNode node = servers.addObject();
            node.put("name", server.name());
            number(node, "utilization", server.utilization());
            node.put("completed", server.completed());
            number(node, "meanInSystem", server.meanInSystem());
            number(node, "upFraction", server.upFraction());
        }
        ArrayNode groups = root.putArray("securityGroups");
        for (SecurityGroupResult group : result.securityGroups()) {
            ObjectNode node = groups.addObject();
            node.put("name", group.name());
            node.put("denied", group.denied());
            ArrayNode rules = node.putArray("rules");
            for (SecurityGroupResult.RuleHits rule : group.rules()) {
                rules.addObject().put("index", rule.index()).put("hits", rule.hits());
            }
        }
        ArrayNode acls = root.putArray("networkAcls");
        for (NetworkAclResult acl : result.networkAcls()) {
            ObjectNode node = acls.addObject();
            node.put("name", acl.name());
            node.put("denied", acl.denied());
            ArrayNode rules = node.putArray("rules");
            for (NetworkAclResult.RuleHits rule : acl.rules()) {
                rules.addObject().put("direction", rule.direction()).put("number", rule.number()).put("hits", rule.hits());
            }
        }
        ObjectNode balancer = root.putObject("balancer");
        balancer.put("healthChecks", result.balancer().healthChecks());
        balancer.put("markedDown", result.balancer().markedDown());
        balancer.put("markedUp", result.balancer().markedUp());
        number(balancer, "meanDetectionSeconds", result.balancer().meanDetectionSeconds());
        number(balancer, "secondsBelowMinimumHealthy", result.balancer().secondsBelowMinimumHealthy());
        ArrayNode failures = root.putArray("failures");
        for (FailureRecord failure : result.failures()) {
            ObjectNode node = failures.addObject();
            node.put("server", failure.server());
            node.put("kind", failure.kind());
            number(node, "at", failure.at());
            number(node, "detectedAfterSeconds", failure.detectedAfterSeconds());
            number(node, "recoveredAt", failure.recoveredAt());
            node.put("lost", failure.lost());
        }
        ObjectNode scaling = root.putObject("scaling");
        scaling.put("added", result.scaling().added());
        scaling.put("removed", result.scaling().removed());
        scaling.put("maxInstances", result.scaling().maxInstances());
        scaling.put("minInstances", result.scaling().minInstances());
        ObjectNode cost = root.putObject("cost");
        number(cost, "instanceHours", result.cost().instanceHours());
        number(cost, "total", result.cost().total());
        number(cost, "perMillionCompleted", result.cost().perMillionCompleted());
        workload(root, result.workload());
        ObjectNode engine = root.putObject("engine");
        engine.put("events", result.engine().events());
        number(engine, "wallSeconds", result.engine().wallSeconds());
        number(engine, "eventsPerSecond", result.engine().eventsPerSecond());
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        return root;
    }

    /**
     * {@code classes} (empty unless a client sends a mix), {@code sessions} (null unless the
     * balancer is sticky) and {@code trace} (null unless a client replays a trace).
     */
    private static void workload(ObjectNode root, WorkloadResult workload) {
        ArrayNode classes = root.putArray("classes");
        for (ClassResult requestClass : workload.classes()) {
            ObjectNode node = classes.addObject();
            node.put("name", requestClass.name());
            node.put("completed", requestClass.completed());
            node.set("latency", latency(requestClass.latency()));
        }
        SessionResult sessions = workload.sessions();
        if (sessions == null) {
            root.putNull("sessions");
        } else {
            root.putObject("sessions").put("started", sessions.started()).put("broken", sessions.broken());
        }
        TraceResult trace = workload.trace();
        if (trace == null) {
            root.putNull("trace");
        } else {
            ObjectNode node = root.putObject("trace");
            node.put("lines", trace.lines());
            node.put("replayed", trace.replayed());
            node.put("skipped", trace.skipped());
            node.put("reordered", trace.reordered());
            ArrayNode first = node.putArray("firstSkipped");
            trace.firstSkipped().forEach(first::add);
        }
    }

    private static ObjectNode requests(RequestCounts counts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("offered", counts.offered());
        node.put(Outcome.DENIED.jsonName(), counts.denied());
        node.put(Outcome.REJECTED.jsonName(), counts.rejected());
        node.put(Outcome.FAILED.jsonName(), counts.failed());
        node.put(Outcome.TIMED_OUT.jsonName(), counts.timedOut());
        node.put(Outcome.COMPLETED.jsonName(), counts.completed());
        node.put("inFlight", counts.inFlight());
        node.put("retried", counts.retried());
        return node;
    }

    private static ObjectNode latency(LatencySummary latency) {
        ObjectNode node = MAPPER.createObjectNode();
        number(node, "mean", latency.mean());
        number(node, "p50", latency.p50());
        number(node, "p90", latency.p90());
        number(node, "p95", latency.p95());
        number(node, "p99", latency.p99());
        number(node, "p999", latency.p999());
        number(node, "max", latency.max());
        return node;
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
