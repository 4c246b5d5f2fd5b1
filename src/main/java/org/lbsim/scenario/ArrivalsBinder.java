package org.lbsim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.scenario.Node.ListNode;
import org.lbsim.scenario.Node.MapNode;
import org.lbsim.trace.TraceFormat;

/**
 * Binds a client's {@code arrivals:} (Poisson with a fixed rate, a schedule or a daily cycle;
 * constant; MMPP; closed-loop users; a trace) and its {@code mix:} of request classes.
 */
final class ArrivalsBinder {

    static final List<String> PROCESSES = List.of("poisson", "constant", "mmpp", "closed", "trace");
    static final String EXAMPLE = "a map such as {process: poisson, rate: 150/s}";
    private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("poisson", List.of("process", "rate", "interpolation"));
        KEYS.put("constant", List.of("process", "rate"));
        KEYS.put("mmpp", List.of("process", "states"));
        KEYS.put("closed", List.of("process", "users", "thinkTime"));
        KEYS.put("trace", List.of("process", "file", "format", "speedup", "strict", "reorderWindow", "serviceFromBytes"));
    }

    private static final List<String> CYCLE_KEYS = List.of("trough", "peak", "peakAt", "period");

    private final Problems problems;
    private final Values values;
    private final Binding binding;
    private final DistributionBinder distributions;
    /** The scenario file's folder, which a trace's relative file name starts from. */
    private final Path folder;

    ArrivalsBinder(Problems problems, Values values, Binding binding, DistributionBinder distributions, Path folder) {
        this.problems = problems;
        this.values = values;
        this.binding = binding;
        this.distributions = distributions;
        this.folder = folder;
    }

    /** Whether an {@code arrivals:} map names the trace process, even one with mistakes elsewhere. */
    static boolean namesTrace(Node node) {
        return node instanceof MapNode map && map.entry("process").map(Node.Entry::value)
                .filter(value -> value instanceof Node.ScalarNode scalar && "trace".equals(scalar.text())).isPresent();
    }

    ArrivalSpec arrivals(Node node, String path) {
        int before = problems.count();
        Fields f = Fields.of(node, path, EXAMPLE, problems);
        Node processNode = f.require("process", "one of: " + String.join(", ", PROCESSES));
        String process = processNode == null ? null : values.text(processNode, f.pathOf("process"), "a process name");
        if (process != null && !PROCESSES.contains(process)) {
            values.choice(processNode, f.pathOf("process"), PROCESSES);
            return null;
        }
        if (process == null) return null;
        f.allowOnly(KEYS.get(process));
        ArrivalSpec spec = switch (process) {
            case "poisson" -> poisson(f);
            case "constant" -> {
                Node rateNode = f.require("rate", "a positive rate such as 150/s");
                Double rate = rateNode == null ? null : values.rate(rateNode, f.pathOf("rate"));
                yield rate == null ? null : problems.construct(f.location(), path, () -> new ArrivalSpec.Constant(rate));
            }
            case "mmpp" -> mmpp(f);
            case "trace" -> trace(f);
            default -> closed(f);
        };
        return problems.count() > before ? null : spec;
    }

    private ArrivalSpec poisson(Fields f) {
        Node rateNode = f.require("rate", "a rate such as 150/s, a schedule [{at: 0s, rate: 100/s}, ...] "
                + "or a daily cycle {trough: 50/s, peak: 400/s, peakAt: 14h}");
        if (rateNode == null) return null;
        Node interpolationNode = f.get("interpolation");
        if (interpolationNode != null && !(rateNode instanceof ListNode)) {
            problems.add(interpolationNode.location(), f.pathOf("interpolation"),
                    "found 'interpolation' with a single rate, expected it only with a rate schedule (a list)");
        }
        RateSchedule schedule;
        if (rateNode instanceof ListNode) {
            RateSchedule.Interpolation interpolation = interpolationNode == null ? RateSchedule.Interpolation.STEP
                    : interpolation(interpolationNode, f.pathOf("interpolation"));
            schedule = piecewise(rateNode, f.pathOf("rate"), interpolation);
        } else if (rateNode instanceof MapNode) {
            schedule = cycle(rateNode, f.pathOf("rate"));
        } else {
            Double rate = values.rate(rateNode, f.pathOf("rate"));
            schedule = rate == null ? null : new RateSchedule.Fixed(rate);
        }
        return schedule == null ? null : new ArrivalSpec.Poisson(schedule);
    }

    private RateSchedule.Interpolation interpolation(Node node, String path) {
        String text = values.choice(node, path, List.of("step", "linear"));
        return "linear".equals(text) ? RateSchedule.Interpolation.LINEAR : RateSchedule.Interpolation.STEP;
    }

    private RateSchedule piecewise(Node node, String path, RateSchedule.Interpolation interpolation) {
        int before = problems.count();
        List<Node> items = binding.list(node, path, "a list of points such as [{at: 0s, rate: 100/s}, {at: 10min, rate: 400/s}]", true);
        List<RateSchedule.Point> points = new ArrayList<>();
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Fields p = Fields.of(items.get(i), itemPath, "a point such as {at: 10min, rate: 400/s}", problems);
            p.allowOnly(List.of("at", "rate"));
            Node atNode = p.require("at", "a time such as 10min");
            Double at = atNode == null ? null : values.duration(atNode, p.pathOf("at"), v -> v >= 0, "a time of 0 or more such as 10min");
            Node rateNode = p.require("rate", "a rate of 0 or more such as 400/s");
            Double rate = rateNode == null ? null
                    : values.rate(rateNode, p.pathOf("rate"), v -> v >= 0 && !Double.isInfinite(v), "a rate of 0 or more such as 400/s");
            if (at == null || rate == null) continue;
            if (i == 0 && at != 0) {
                problems.add(atNode.location(), p.pathOf("at"), "found '" + ((Node.ScalarNode) atNode).text()
                        + "', expected the first point at 0s (the rate from the start)");
            } else if (at <= previous) {
                problems.add(atNode.location(), p.pathOf("at"), "found '" + ((Node.ScalarNode) atNode).text()
                        + "', expected a time after the previous point's");
            }
            previous = at;
            points.add(new RateSchedule.Point(at, rate));
        }
        if (problems.count() > before) return null;
        if (points.stream().noneMatch(point -> point.rate() > 0)) {
            problems.add(node.location(), path, "found only zero rates, expected at least one positive rate");
            return null;
        }
        return new RateSchedule.Piecewise(points, interpolation);
    }

    private RateSchedule cycle(Node node, String path) {
        int before = problems.count();
        Fields c = Fields.of(node, path, "a daily cycle such as {trough: 50/s, peak: 400/s, peakAt: 14h}", problems);
        c.allowOnly(CYCLE_KEYS);
        Node troughNode = c.require("trough", "the lowest rate, such as 50/s");
        Double trough = troughNode == null ? null : values.rate(troughNode, c.pathOf("trough"),
                v -> v >= 0 && !Double.isInfinite(v), "a rate of 0 or more such as 50/s");
        Node peakNode = c.require("peak", "the highest rate, such as 400/s");
        Double peak = peakNode == null ? null : values.rate(peakNode, c.pathOf("peak"));
        Double peakAt = binding.optional(c, "peakAt", 0.0,
                (n, p) -> values.duration(n, p, v -> v >= 0, "a time of day of 0 or more such as 14h"));
        Double period = binding.optional(c, "period", 86400.0,
                (n, p) -> values.duration(n, p, v -> v > 0, Values.POSITIVE_DURATION));
        if (problems.count() > before) return null;
        if (!(peak > trough)) {
            problems.add(peakNode.location(), c.pathOf("peak"), "found a peak of " + ((Node.ScalarNode) peakNode).text()
                    + ", expected a peak above the trough");
            return null;
        }
        return new RateSchedule.Cycle(trough, peak, peakAt, period);
    }

    private ArrivalSpec mmpp(Fields f) {
        int before = problems.count();
        String expected = "a list of at least two states such as [{rate: 50/s, meanDuration: 30s}, {rate: 500/s, meanDuration: 5s}]";
        Node statesNode = f.require("states", expected);
        if (statesNode == null) return null;
        List<Node> items = binding.list(statesNode, f.pathOf("states"), expected, true);
        List<ArrivalSpec.MmppState> states = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = f.pathOf("states") + "[" + i + "]";
            Fields s = Fields.of(items.get(i), itemPath, "a state such as {rate: 500/s, meanDuration: 5s}", problems);
            s.allowOnly(List.of("rate", "meanDuration"));
            Node rateNode = s.require("rate", "a rate of 0 or more such as 500/s");
            Double rate = rateNode == null ? null : values.rate(rateNode, s.pathOf("rate"),
                    v -> v >= 0 && !Double.isInfinite(v), "a rate of 0 or more such as 500/s");
            Double duration = binding.requiredDuration(s, "meanDuration", Values.POSITIVE_DURATION, false);
            if (rate != null && duration != null) states.add(new ArrivalSpec.MmppState(rate, duration));
        }
        if (problems.count() > before) return null;
        if (states.size() < 2) {
            problems.add(statesNode.location(), f.pathOf("states"), "found " + states.size() + " state, expected " + expected);
            return null;
        }
        if (states.stream().noneMatch(state -> state.rate() > 0)) {
            problems.add(statesNode.location(), f.pathOf("states"), "found only zero rates, expected a state with a positive rate");
            return null;
        }
        return new ArrivalSpec.Mmpp(states);
    }

    private ArrivalSpec closed(Fields f) {
        Node usersNode = f.require("users", "the number of users, such as 50");
        Integer users = usersNode == null ? null : values.smallInteger(usersNode, f.pathOf("users"), 1, Bounds.MAX_USERS,
                "a whole number of users from 1 to 10,000,000");
        Node thinkNode = f.require("thinkTime", DistributionBinder.EXAMPLE);
        DistributionSpec think = thinkNode == null ? null : distributions.bind(thinkNode, f.pathOf("thinkTime"));
        if (users == null || think == null) return null;
        return new ArrivalSpec.Closed(users, think);
    }

    /**
     * {@code {process: trace, file, format, speedup, strict, reorderWindow, serviceFromBytes}}: the file must be
     * readable now, so that a typo is a load error at its line, not a failed run.
     */
    private ArrivalSpec trace(Fields f) {
        int before = problems.count();
        Node fileNode = f.require("file", "the trace's file name, relative to the scenario's folder");
        Path file = null;
        if (fileNode != null) {
            String text = values.text(fileNode, f.pathOf("file"), "a file name such as data/access.log");
            if (text != null) {
                file = folder.resolve(text).normalize();
                // Messages name it as the user would: relative to the working folder when inside it.
                Path workingFolder = Path.of("").toAbsolutePath();
                if (file.startsWith(workingFolder)) file = workingFolder.relativize(file);
                String problem = !Files.exists(file) ? "no such file"
                        : Files.isDirectory(file) ? "it is a folder"
                        // A device or a pipe may never end (/dev/zero), and each run reads the trace anew.
                        : !Files.isRegularFile(file) ? "it is not a regular file but a device or a pipe"
                        : !Files.isReadable(file) ? "it cannot be read" : null;
                if (problem != null) {
                    problems.add(fileNode.location(), f.pathOf("file"), "found '" + text + "' (" + problem
                            + "), expected a readable trace file, relative to the scenario's folder " + folder);
                }
            }
        }
        TraceFormat format = null;
        Node formatNode = f.get("format");
        if (formatNode != null) {
            String name = values.choice(formatNode, f.pathOf("format"), List.of("combined", "common", "csv"));
            format = name == null ? null : TraceFormat.byName(name).orElseThrow();
        } else if (file != null) {
            // Left out, the name says: a .csv file is a CSV trace, anything else an access log.
            format = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? TraceFormat.CSV : TraceFormat.COMBINED;
        }
        Double speedup = binding.optional(f, "speedup", 1.0, (n, p) -> values.number(n, p,
                v -> v > 0 && v <= 1e9, "a positive factor such as 60 (one hour of the log in one minute)"));
        Boolean strict = binding.optional(f, "strict", false, values::bool);
        Double window = binding.optional(f, "reorderWindow", (double) DEFAULT_REORDER_WINDOW, (n, p) -> values.duration(n, p,
                v -> v >= 0 && v <= 3600 && v == Math.rint(v), "a whole number of seconds from 0s to 1h, such as 60s"));
        ArrivalSpec.BytesService bytes = null;
        Node bytesNode = f.get("serviceFromBytes");
        if (bytesNode != null) {
            Fields b = Fields.of(bytesNode, f.pathOf("serviceFromBytes"), "a map such as {base: 2ms, perKB: 0.05ms}", problems);
            b.allowOnly(List.of("base", "perKB"));
            Double base = binding.optional(b, "base", 0.0,
                    (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 2ms"));
            Double perKB = binding.optional(b, "perKB", 0.0,
                    (n, p) -> values.duration(n, p, v -> v >= 0, "a duration of 0 or more such as 0.05ms"));
            // Both 0 is allowed, as the reference says: every line is answered at once, like a logged 0.000.
            if (base != null && perKB != null) bytes = new ArrivalSpec.BytesService(base, perKB);
        }
        if (problems.count() > before) return null;
        return new ArrivalSpec.Trace(file, format, speedup, strict, (int) Math.round(window), bytes);
    }

    /**
     * Seconds a log line may be late: Apache and NGINX write a line when the request ends,
     * stamped with when it began, so a minute covers all but the slowest requests.
     */
    static final int DEFAULT_REORDER_WINDOW = 60;


    /** {@code mix: [{name, weight, service}, ...]}; class names are unique within the mix. */
    List<RequestClassSpec> mix(Node node, String path) {
        List<RequestClassSpec> mix = new ArrayList<>();
        if (node == null) return mix;
        List<Node> items = binding.list(node, path,
                "a list of classes such as [{name: page, weight: 0.9, service: {distribution: exponential, mean: 20ms}}]", true);
        Map<String, Location> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Fields c = Fields.of(items.get(i), itemPath, "a request class map with keys name, weight, service", problems);
            c.allowOnly(List.of("name", "weight", "service"));
            String name = binding.uniqueName(c, seen, "request class");
            Node weightNode = c.require("weight", "a positive weight such as 0.9");
            Double weight = weightNode == null ? null : values.number(weightNode, c.pathOf("weight"),
                    v -> v > 0 && v <= Bounds.MAX_CLASS_WEIGHT, "a positive weight of at most 1000000 such as 0.9");
            Node serviceNode = c.require("service", DistributionBinder.EXAMPLE);
            DistributionSpec service = serviceNode == null ? null : distributions.bind(serviceNode, c.pathOf("service"));
            if (name != null && weight != null && service != null) {
                RequestClassSpec requestClass = problems.construct(c.location(), itemPath,
                        () -> new RequestClassSpec(name, weight, service));
                if (requestClass != null) mix.add(requestClass);
            }
        }
        return mix;
    }
}
