package org.lbsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.lbsim.cluster.spec.AclRuleSpec;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.AutoscalingSpec;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.HealthCheckSpec;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;

/**
 * Writes a {@link Scenario} as scenario YAML that {@link ScenarioLoader} reads back to an equal
 * scenario: what "save as" in the window needs. A value equal to its key's declared default is
 * left out, as a person would write the file; durations take the largest unit that keeps them
 * exact ({@code 10min}, {@code 250ms}), else plain seconds; servers are written one entry each
 * (a loaded scenario has expanded {@code count}).
 *
 * <p>Comments and the order of the original file are not kept: the scenario holds neither.
 */
public final class ScenarioWriter {

    /** Units a duration may be written in, largest first. */
    private static final List<String> DURATION_UNITS = List.of("d", "h", "min", "s", "ms");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private final Path folder;

    /** @param folder the folder the file will be saved in: a trace's file is written relative to it when inside */
    private ScenarioWriter(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * The scenario as YAML, saved in {@code folder}.
     *
     * @param schema where the file finds {@code scenario.schema.json}, for the editors' modeline
     *               on the first line; null for none
     */
    public static String write(Scenario scenario, Path folder, String schema) {
        String header = schema == null ? "" : "# yaml-language-server: $schema=" + schema + "\n";
        try {
            return header + YAML.writeValueAsString(new ScenarioWriter(folder).scenario(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always writes", e);
        }
    }

    private ObjectNode scenario(Scenario s) {
        ObjectNode node = JSON.objectNode();
        node.put("name", s.name());
        if (s.seed() != ScenarioBinder.SEED.defaultValue()) node.put("seed", s.seed());
        node.put("duration", duration(s.duration()));
        if (s.warmup() != ScenarioBinder.WARMUP.defaultValue()) node.put("warmup", duration(s.warmup()));
        if (s.maxRequestsInSystem() != ScenarioBinder.MAX_REQUESTS.defaultValue()) {
            node.put("maxRequestsInSystem", s.maxRequestsInSystem());
        }
        ArrayNode clients = node.putArray("clients");
        s.clients().forEach(client -> clients.add(client(client)));
        if (!s.securityGroups().isEmpty()) {
            ArrayNode groups = node.putArray("securityGroups");
            for (SecurityGroupSpec group : s.securityGroups()) {
                ObjectNode g = groups.addObject();
                g.put("name", group.name());
                g.set("inbound", rules(group.inbound()));
            }
        }
        if (!s.networkAcls().isEmpty()) {
            ArrayNode acls = node.putArray("networkAcls");
            s.networkAcls().forEach(acl -> acls.add(acl(acl)));
        }
        node.set("balancer", balancer(s.balancer()));
        ArrayNode servers = node.putArray("servers");
        s.servers().forEach(server -> servers.add(server(server)));
        if (!s.events().isEmpty()) {
            ArrayNode events = node.putArray("events");
            s.events().forEach(event -> events.add(event(event)));
        }
        if (s.autoscaling() != null) node.set("autoscaling", autoscaling(s.autoscaling()));
        return node;
    }

    private ObjectNode client(ClientSpec c) {
        ObjectNode node = JSON.objectNode();
        node.put("name", c.name());
        node.set("arrivals", arrivals(c.arrivals()));
        if (c.service() != null) node.set("service", distribution(c.service()));
        if (!c.mix().isEmpty()) {
            ArrayNode mix = node.putArray("mix");
            for (RequestClassSpec requestClass : c.mix()) {
                ObjectNode r = mix.addObject();
                r.put("name", requestClass.name());
                r.put("weight", requestClass.weight());
                r.set("service", distribution(requestClass.service()));
            }
        }
        if (c.protocol() != Protocol.TCP) node.put("protocol", c.protocol().yamlName());
        if (c.port() != ClientsBinder.PORT.defaultValue()) node.put("port", c.port());
        if (!c.sources().equals(List.of(Cidr.ANY_IPV4))) {
            ArrayNode sources = node.putArray("sources");
            c.sources().forEach(cidr -> sources.add(cidr.toString()));
        }
        if (!c.target().equals(ClientSpec.BALANCER)) node.put("target", c.target());
        if (Double.isFinite(c.timeout())) node.put("timeout", duration(c.timeout()));
        return node;
    }

    private ObjectNode arrivals(ArrivalSpec arrivals) {
        ObjectNode node = JSON.objectNode();
        if (arrivals instanceof ArrivalSpec.Poisson poisson) {
            node.put("process", "poisson");
            if (poisson.schedule() instanceof RateSchedule.Fixed fixed) {
                node.put("rate", rate(fixed.rate()));
            } else if (poisson.schedule() instanceof RateSchedule.Piecewise piecewise) {
                ArrayNode points = node.putArray("rate");
                for (RateSchedule.Point point : piecewise.points()) {
                    points.addObject().put("at", duration(point.at())).put("rate", rate(point.rate()));
                }
                if (piecewise.interpolation() == RateSchedule.Interpolation.LINEAR) node.put("interpolation", "linear");
            } else if (poisson.schedule() instanceof RateSchedule.Cycle cycle) {
                ObjectNode c = node.putObject("rate");
                c.put("trough", rate(cycle.trough()));
                c.put("peak", rate(cycle.peak()));
                if (cycle.peakAt() != ArrivalsBinder.PEAK_AT.defaultValue()) c.put("peakAt", duration(cycle.peakAt()));
                if (cycle.period() != ArrivalsBinder.PERIOD.defaultValue()) c.put("period", duration(cycle.period()));
            }
        } else if (arrivals instanceof ArrivalSpec.Constant constant) {
            node.put("process", "constant").put("rate", rate(constant.rate()));
        } else if (arrivals instanceof ArrivalSpec.Mmpp mmpp) {
            node.put("process", "mmpp");
            ArrayNode states = node.putArray("states");
            for (ArrivalSpec.MmppState state : mmpp.states()) {
                states.addObject().put("rate", rate(state.rate())).put("meanDuration", duration(state.meanDuration()));
            }
        } else if (arrivals instanceof ArrivalSpec.Closed closed) {
            node.put("process", "closed").put("users", closed.users());
            node.set("thinkTime", distribution(closed.thinkTime()));
        } else if (arrivals instanceof ArrivalSpec.Trace trace) {
            node.put("process", "trace");
            Path file = trace.file().toAbsolutePath().normalize();
            node.put("file", (file.startsWith(folder) ? folder.relativize(file) : file).toString().replace('\\', '/'));
            node.put("format", trace.format().key());
            if (trace.speedup() != ArrivalsBinder.SPEEDUP.defaultValue()) node.put("speedup", trace.speedup());
            if (trace.strict()) node.put("strict", true);
            if (trace.reorderWindow() != ArrivalsBinder.DEFAULT_REORDER_WINDOW) {
                node.put("reorderWindow", duration(trace.reorderWindow()));
            }
            if (trace.serviceFromBytes() != null) {
                ObjectNode bytes = node.putObject("serviceFromBytes");
                bytes.put("base", duration(trace.serviceFromBytes().base()));
                bytes.put("perKB", duration(trace.serviceFromBytes().perKB()));
            }
        }
        return node;
    }

    private static ObjectNode distribution(DistributionSpec distribution) {
        ObjectNode node = JSON.objectNode();
        if (distribution instanceof DistributionSpec.Exponential d) {
            node.put("distribution", "exponential").put("mean", duration(d.mean()));
        } else if (distribution instanceof DistributionSpec.Constant d) {
            node.put("distribution", "constant").put("value", duration(d.value()));
        } else if (distribution instanceof DistributionSpec.Uniform d) {
            node.put("distribution", "uniform").put("min", duration(d.min()))
                .put("max", duration(d.max()));
        } else if (distribution instanceof DistributionSpec.Erlang d) {
            node.put("distribution", "erlang").put("k", d.k()).put("mean", duration(d.mean()));
        } else if (distribution instanceof DistributionSpec.Lognormal d) {
            node.put("distribution", "lognormal").put("mean", duration(d.mean()))
                .put("cv", d.cv());
        } else if (distribution instanceof DistributionSpec.Hyperexponential d) {
            node.put("distribution", "hyperexponential")
                .put("mean", duration(d.mean())).put("cv", d.cv());
        } else if (distribution instanceof DistributionSpec.Pareto d) {
            node.put("distribution", "pareto").put("mean", duration(d.mean()))
                .put("alpha", d.alpha());
        } else if (distribution instanceof DistributionSpec.Weibull d) {
            node.put("distribution", "weibull").put("shape", d.shape())
                .put("scale", duration(d.scale()));
        }
        return node;
    }

    private static ArrayNode rules(List<RuleSpec> rules) {
        ArrayNode array = JSON.arrayNode();
        for (RuleSpec rule : rules) {
            ObjectNode r = array.addObject();
            r.put("protocol", rule.protocol().yamlName());
            ports(r, rule.protocol(), rule.fromPort(), rule.toPort());
            if (rule.source() instanceof RuleSpec.FromCidr cidr) {
                r.put("from", cidr.cidr().toString());
            } else if (rule.source() instanceof RuleSpec.FromGroup group) {
                r.put("from", group.group());
            }
        }
        return array;
    }

    private static void ports(ObjectNode rule, Protocol protocol, int from, int to) {
        if (protocol == Protocol.ALL || protocol == Protocol.ICMP) return;
        if (from == to) {
            rule.put("ports", from);
        } else {
            rule.put("ports", from + "-" + to);
        }
    }

    private static ObjectNode acl(NetworkAclSpec acl) {
        ObjectNode node = JSON.objectNode();
        node.put("name", acl.name());
        ArrayNode appliesTo = node.putArray("appliesTo");
        acl.appliesTo().forEach(appliesTo::add);
        node.set("inbound", aclRules(acl.inbound(), "from"));
        node.set("outbound", aclRules(acl.outbound(), "to"));
        return node;
    }

    private static ArrayNode aclRules(List<AclRuleSpec> rules, String remoteKey) {
        ArrayNode array = JSON.arrayNode();
        for (AclRuleSpec rule : rules) {
            ObjectNode r = array.addObject();
            r.put("number", rule.number());
            r.put("action", rule.allow() ? "allow" : "deny");
            r.put("protocol", rule.protocol().yamlName());
            ports(r, rule.protocol(), rule.fromPort(), rule.toPort());
            r.put(remoteKey, rule.block().toString());
        }
        return array;
    }

    private static ObjectNode balancer(BalancerSpec b) {
        ObjectNode node = JSON.objectNode();
        if (b.securityGroup() != null) node.put("securityGroup", b.securityGroup());
        if (!b.listeners().equals(List.of(80))) {
            ArrayNode listeners = node.putArray("listeners");
            b.listeners().forEach(listeners::add);
        }
        node.put("algorithm", b.algorithm());
        b.algorithmParameters().forEach(node::put);
        ObjectNode healthCheck = healthCheck(b.healthCheck(), b.listeners().get(0));
        if (!healthCheck.isEmpty()) node.set("healthCheck", healthCheck);
        policies(node, b.policies());
        return node;
    }

    private static ObjectNode healthCheck(HealthCheckSpec h, int firstListener) {
        ObjectNode node = JSON.objectNode();
        if (h.port() != firstListener) node.put("port", h.port());
        if (h.interval() != BalancerBinder.HC_INTERVAL.defaultValue()) node.put("interval", duration(h.interval()));
        if (h.timeout() != BalancerBinder.HC_TIMEOUT.defaultValue()) node.put("timeout", duration(h.timeout()));
        if (h.healthyThreshold() != BalancerBinder.HEALTHY_THRESHOLD.defaultValue()) {
            node.put("healthyThreshold", h.healthyThreshold());
        }
        if (h.unhealthyThreshold() != BalancerBinder.UNHEALTHY_THRESHOLD.defaultValue()) {
            node.put("unhealthyThreshold", h.unhealthyThreshold());
        }
        if (h.inBand()) node.put("inBand", true);
        if (h.probeWork() != BalancerBinder.PROBE_WORK.defaultValue()) node.put("probeWork", duration(h.probeWork()));
        return node;
    }

    private static void policies(ObjectNode node, BalancerPolicies p) {
        BalancerPolicies d = BalancerPolicies.DEFAULTS;
        if (p.retries() != d.retries()) node.put("retries", p.retries());
        if (p.retryBudgetPercent() != d.retryBudgetPercent() || p.retryMinConcurrency() != d.retryMinConcurrency()) {
            node.putObject("retryBudget").put("percent", p.retryBudgetPercent())
                    .put("minConcurrency", p.retryMinConcurrency());
        }
        if (p.outlierDetection() != null) {
            BalancerPolicies.OutlierDetectionSpec o = p.outlierDetection();
            node.putObject("outlierDetection").put("consecutive5xx", o.consecutive5xx())
                    .put("interval", duration(o.interval())).put("baseEjectionTime", duration(o.baseEjectionTime()))
                    .put("maxEjectionPercent", o.maxEjectionPercent());
        }
        if (p.deregistrationDelay() != d.deregistrationDelay()) {
            node.put("deregistrationDelay", duration(p.deregistrationDelay()));
        }
        if (p.slowStart() != d.slowStart()) node.put("slowStart", duration(p.slowStart()));
        if (p.connectTimeout() != d.connectTimeout()) node.put("connectTimeout", duration(p.connectTimeout()));
        if (p.minimumHealthyTargets() != d.minimumHealthyTargets()) {
            node.put("minimumHealthyTargets", p.minimumHealthyTargets());
        }
        if (p.maxFails() != null) {
            node.putObject("maxFails").put("maxFails", p.maxFails().maxFails())
                    .put("failTimeout", duration(p.maxFails().failTimeout()));
        }
        if (p.stickiness() != null) {
            node.putObject("stickiness").put("type", "cookie").put("duration", duration(p.stickiness().duration()));
        }
    }

    private static ObjectNode server(ServerSpec s) {
        ObjectNode node = JSON.objectNode();
        node.put("name", s.name());
        if (s.securityGroup() != null) node.put("securityGroup", s.securityGroup());
        if (s.workers() != ServersBinder.WORKERS.defaultValue()) node.put("workers", s.workers());
        if (s.queueCapacity() != ServerSpec.UNLIMITED_QUEUE) node.put("queueCapacity", s.queueCapacity());
        if (s.speed() != ServersBinder.SPEED.defaultValue()) node.put("speed", s.speed());
        if (s.weight() != ServersBinder.WEIGHT.defaultValue()) node.put("weight", s.weight());
        if (!s.failures().isEmpty()) {
            ArrayNode failures = node.putArray("failures");
            s.failures().forEach(failure -> failures.add(failure(failure)));
        }
        if (s.costPerHour() != ServersBinder.COST_PER_HOUR.defaultValue()) node.put("costPerHour", s.costPerHour());
        if (s.bootTime() != ServersBinder.BOOT_TIME.defaultValue()) node.put("bootTime", duration(s.bootTime()));
        return node;
    }

    private static ObjectNode failure(FailureSpec failure) {
        ObjectNode node = JSON.objectNode();
        if (failure instanceof FailureSpec.Scheduled f) {
            node.put("at", duration(f.at())).put("for", duration(f.duration()));
        } else if (failure instanceof FailureSpec.Random f) {
            node.put("mtbf", duration(f.mtbf())).put("mttr", duration(f.mttr()));
            if (!Double.isNaN(f.weibullShape())) node.put("distribution", "weibull").put("shape", f.weibullShape());
        }
        if (failure.kind() != FailureKind.CRASH) node.put("kind", failure.kind().yamlName());
        if (failure.kind() == FailureKind.SLOWDOWN) node.put("factor", failure.factor());
        if (failure.kind() == FailureKind.BLACK_HOLE && !failure.passesHealthChecks()) {
            node.put("passesHealthChecks", false);
        }
        return node;
    }

    private static ObjectNode event(EventSpec event) {
        ObjectNode node = JSON.objectNode();
        node.put("at", duration(event.at()));
        if (event instanceof EventSpec.Fail e) {
            node.put("action", "fail").put("server", e.server());
        } else if (event instanceof EventSpec.Recover e) {
            node.put("action", "recover").put("server", e.server());
        } else if (event instanceof EventSpec.SetRate e) {
            node.put("action", "set-rate").put("client", e.client()).put("rate", rate(e.rate()));
        } else if (event instanceof EventSpec.SetAlgorithm e) {
            node.put("action", "set-algorithm").put("algorithm", e.algorithm());
        } else if (event instanceof EventSpec.Slow e) {
            node.put("action", "slow").put("server", e.server()).put("factor", e.factor());
        } else if (event instanceof EventSpec.BlackHole e) {
            node.put("action", "black-hole").put("server", e.server());
        } else if (event instanceof EventSpec.CutOff e) {
            node.put("action", "cut-off").put("server", e.server());
        } else if (event instanceof EventSpec.AddServer e) {
            node.put("action", "add-server").put("server", e.server())
                .put("template", e.template());
        } else if (event instanceof EventSpec.RemoveServer e) {
            node.put("action", "remove-server").put("server", e.server());
        } else if (event instanceof EventSpec.SetWeight e) {
            node.put("action", "set-weight").put("server", e.server()).put("weight", e.weight());
        } else if (event instanceof EventSpec.SetSecurityRule e) {
            node.put("action", "set-security-rule").put("group", e.group());
            node.set("inbound", rules(e.inbound()));
        }
        return node;
    }

    private static ObjectNode autoscaling(AutoscalingSpec a) {
        ObjectNode node = JSON.objectNode();
        node.put("template", a.template());
        node.put("metric", a.metric().yamlName());
        node.put("target", a.target());
        if (a.min() != AutoscalingBinder.MIN.defaultValue()) node.put("min", a.min());
        if (a.max() != AutoscalingBinder.MAX.defaultValue()) node.put("max", a.max());
        if (a.cooldown() != AutoscalingBinder.COOLDOWN.defaultValue()) node.put("cooldown", duration(a.cooldown()));
        if (a.evaluationPeriod() != AutoscalingBinder.EVALUATION_PERIOD.defaultValue()) {
            node.put("evaluationPeriod", duration(a.evaluationPeriod()));
        }
        if (Double.isFinite(a.healthCheckGracePeriod())) {
            node.put("healthCheckGracePeriod", duration(a.healthCheckGracePeriod()));
        }
        return node;
    }

    /**
     * Seconds as a duration the loader reads back to the same double: in the largest unit that
     * gives a whole number and parses back exactly (milliseconds only below a second), else plain
     * seconds ({@code 150.8s}, {@code 0.0123s}).
     */
    static String duration(double seconds) {
        if (seconds == 0) return "0s"; // any unit is exact; seconds reads best
        for (String unit : DURATION_UNITS) {
            // 150.8s reads better than 150800ms: milliseconds only for less than a second.
            if (unit.equals("ms") && Math.abs(seconds) >= 1) continue;
            double perUnit = Durations.parseSigned("1" + unit);
            double count = seconds / perUnit;
            if (count == Math.rint(count) && Math.abs(count) < 1e15) {
                String text = (long) count + unit;
                if (Durations.parseSigned(text) == seconds) return text;
            }
        }
        return plain(seconds) + "s";
    }

    /** Per second, as the loader reads it back to the same double. */
    static String rate(double perSecond) {
        return plain(perSecond) + "/s";
    }

    private static String plain(double value) {
        return Objects.requireNonNull(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }
}
