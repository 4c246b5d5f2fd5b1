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

    static final String EXAMPLE = "a map such as {process: poisson, rate: 150/s}";

    static final Key<Double> POINT_AT = Key.required("at",
            ValueRule.Duration.atLeastZero("a time of 0 or more such as 10min"), "a time such as 10min",
            "when the rate starts; the first point is at 0s, later ones after the previous");
    static final Key<Double> POINT_RATE = Key.required("rate", new ValueRule.Rate(0, false, "a rate of 0 or more such as 400/s"),
            "a rate of 0 or more such as 400/s", "the rate from then on");
    static final MapRule POINT = MapRule.of("a point of a rate schedule such as {at: 10min, rate: 400/s}", POINT_AT, POINT_RATE);

    static final Key<Double> TROUGH = Key.required("trough", new ValueRule.Rate(0, false, "a rate of 0 or more such as 50/s"),
            "the lowest rate, such as 50/s", "the lowest rate");
    static final Key<Double> PEAK = Key.required("peak", ValueRule.Rate.POSITIVE, "the highest rate, such as 400/s",
            "the highest rate, above the trough");
    static final Key<Double> PEAK_AT = Key.optional("peakAt",
            ValueRule.Duration.atLeastZero("a time of day of 0 or more such as 14h"), 0.0, "0s", "when the rate is highest");
    static final Key<Double> PERIOD = Key.optional("period", ValueRule.Duration.positive(Values.POSITIVE_DURATION), 86400.0,
            "24h", "the length of a cycle");
    static final MapRule CYCLE = MapRule.of("a daily cycle such as {trough: 50/s, peak: 400/s, peakAt: 14h}", TROUGH, PEAK,
            PEAK_AT, PERIOD);

    static final Key<Double> STATE_RATE = Key.required("rate", new ValueRule.Rate(0, false, "a rate of 0 or more such as 500/s"),
            "a rate of 0 or more such as 500/s", "the Poisson rate in this state (0: off)");
    static final Key<Double> MEAN_DURATION = Key.required("meanDuration", ValueRule.Duration.positive(Values.POSITIVE_DURATION),
            Values.POSITIVE_DURATION, "mean of the exponential time spent in this state");
    static final MapRule STATE = MapRule.of("a state of an MMPP such as {rate: 500/s, meanDuration: 5s}", STATE_RATE,
            MEAN_DURATION);

    static final Key<Double> BASE = Key.optional("base", ValueRule.Duration.atLeastZero("a duration of 0 or more such as 2ms"),
            0.0, "0s", "work of every request");
    static final Key<Double> PER_KB = Key.optional("perKB",
            ValueRule.Duration.atLeastZero("a duration of 0 or more such as 0.05ms"), 0.0, "0s", "work per 1000 bytes answered");
    static final MapRule BYTES = MapRule.of("work from the response size, base + perKB x bytes / 1000", BASE, PER_KB);

    static final Key<Double> CONSTANT_RATE = Key.required("rate", ValueRule.Rate.POSITIVE, "a positive rate such as 150/s",
            "one request every 1/rate seconds");
    static final Key<Integer> USERS = Key.required("users", new ValueRule.Int(1, Bounds.MAX_USERS,
            "a whole number of users from 1 to 10,000,000"), "the number of users, such as 50", "closed-loop users");
    static final Key<Double> SPEEDUP = Key.optional("speedup", new ValueRule.Decimal(0, true, 1e9, false,
            "a positive factor such as 60 (one hour of the log in one minute)"), 1.0, "1", "divides the gaps between lines");
    static final Key<Boolean> STRICT = Key.optional("strict", new ValueRule.Flag(), false, "false",
            "true: the first malformed line stops the run");
    static final Key<Double> REORDER_WINDOW = Key.optional("reorderWindow", new ValueRule.Duration(0, false, 3600, true,
                    "a whole number of seconds from 0s to 1h, such as 60s"), (double) ArrivalsBinder.DEFAULT_REORDER_WINDOW,
            "60s", "how late a log line may come and still replay in its own second");
    static final Key<String> FORMAT = Key.optional("format", new ValueRule.Choice(List.of("combined", "common", "csv")),
            null, null, "the trace's format; default csv for a name ending .csv, else combined");
    static final Key<Void> INTERPOLATION = Key.described("interpolation", new ValueRule.Choice(List.of("step", "linear")),
            false, "with a rate schedule: step (default) holds each rate, linear changes it between points");

    /** A client's {@code arrivals:}: its keys depend on {@code process}. */
    static final ValueRule.Tagged ARRIVALS = arrivals();

    static final List<String> PROCESSES = List.copyOf(ARRIVALS.variants().keySet());

    private static ValueRule.Tagged arrivals() {
        Key<Void> process = Key.described("process", new ValueRule.Choice(List.of("poisson", "constant", "mmpp", "closed",
                "trace")), true, "the arrival process");
        Map<String, MapRule> variants = new LinkedHashMap<>();
        variants.put("poisson", MapRule.of("a Poisson process", process,
                Key.described("rate", new ValueRule.AnyOf(List.of(ValueRule.Rate.POSITIVE,
                        new ValueRule.ListOf(new ValueRule.Section(POINT), 1), new ValueRule.Section(CYCLE))), true,
                        "a rate such as 150/s, a schedule [{at: 0s, rate: 100/s}, ...] or a daily cycle"),
                INTERPOLATION));
        variants.put("constant", MapRule.of("one request every 1/rate seconds", process, CONSTANT_RATE));
        variants.put("mmpp", MapRule.of("a Markov-modulated Poisson process", process,
                Key.described("states", new ValueRule.ListOf(new ValueRule.Section(STATE), 2), true,
                        "at least two states, visited in turn")));
        variants.put("closed", MapRule.of("closed-loop users", process, USERS,
                Key.described("thinkTime", DistributionBinder.DISTRIBUTION, true, "each user's think time between requests")));
        variants.put("trace", MapRule.of("the replay of a recorded trace", process,
                Key.described("file", new ValueRule.Text("a file name, relative to the scenario's folder"), true,
                        "the trace file, relative to the scenario's folder"),
                FORMAT, SPEEDUP, STRICT, REORDER_WINDOW,
                Key.described("serviceFromBytes", new ValueRule.Section(BYTES), false,
                        "work from the response size, for lines that log no request time")));
        return new ValueRule.Tagged("process", variants, EXAMPLE);
    }

    static final Key<String> CLASS_NAME = Key.required("name", new ValueRule.Name(), "the request class's name",
            "unique within the mix");
    static final Key<Double> CLASS_WEIGHT = Key.required("weight", new ValueRule.Decimal(0, true, Bounds.MAX_CLASS_WEIGHT,
            false, "a positive weight of at most 1000000 such as 0.9"), "a positive weight such as 0.9",
            "the class's share of the requests, relative to the other weights");
    static final MapRule REQUEST_CLASS = MapRule.of("a request class such as {name: page, weight: 0.9, service: {...}}",
            CLASS_NAME, CLASS_WEIGHT, Key.described("service", DistributionBinder.DISTRIBUTION, true,
                    "the class's work per request"));

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
        f.allowOnly(ARRIVALS.variants().get(process).names());
        ArrivalSpec spec = switch (process) {
            case "poisson" -> poisson(f);
            case "constant" -> {
                Double rate = binding.require(f, CONSTANT_RATE);
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
            p.allowOnly(POINT.names());
            Node atNode = p.get("at");
            Double at = binding.require(p, POINT_AT);
            Double rate = binding.require(p, POINT_RATE);
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
        c.allowOnly(CYCLE.names());
        Double trough = binding.require(c, TROUGH);
        Node peakNode = c.get("peak");
        Double peak = binding.require(c, PEAK);
        Double peakAt = binding.optional(c, PEAK_AT);
        Double period = binding.optional(c, PERIOD);
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
            s.allowOnly(STATE.names());
            Double rate = binding.require(s, STATE_RATE);
            Double duration = binding.require(s, MEAN_DURATION);
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
        Integer users = binding.require(f, USERS);
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
            String name = binding.optional(f, FORMAT);
            format = name == null ? null : TraceFormat.byName(name).orElseThrow();
        } else if (file != null) {
            // Left out, the name says: a .csv file is a CSV trace, anything else an access log.
            format = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? TraceFormat.CSV : TraceFormat.COMBINED;
        }
        Double speedup = binding.optional(f, SPEEDUP);
        Boolean strict = binding.optional(f, STRICT);
        Double window = binding.optional(f, REORDER_WINDOW);
        ArrivalSpec.BytesService bytes = null;
        Node bytesNode = f.get("serviceFromBytes");
        if (bytesNode != null) {
            Fields b = Fields.of(bytesNode, f.pathOf("serviceFromBytes"), "a map such as {base: 2ms, perKB: 0.05ms}", problems);
            b.allowOnly(BYTES.names());
            Double base = binding.optional(b, BASE);
            Double perKB = binding.optional(b, PER_KB);
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
            c.allowOnly(REQUEST_CLASS.names());
            String name = binding.uniqueName(c, seen, "request class");
            Double weight = binding.require(c, CLASS_WEIGHT);
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
