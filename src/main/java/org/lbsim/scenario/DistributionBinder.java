package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.lbsim.cluster.spec.DistributionSpec;

/**
 * Binds a distribution map such as {@code {distribution: lognormal, mean: 400ms, cv: 2}} to a
 * {@link DistributionSpec}. Each distribution takes exactly its own keys.
 */
final class DistributionBinder {

    static final String EXAMPLE = "a distribution map such as {distribution: exponential, mean: 20ms}";

    /** What a Weibull shape may be, here and for failures' up times ({@link Bounds#MIN_SHAPE}). */
    static final String SHAPE_RANGE = "a Weibull shape from 0.1 to 100 such as 1.5";

    private enum Unit { DURATION, NUMBER, WHOLE }

    /** One parameter: its key, how it is written, the range it needs and how to say it. */
    private record Parameter(String key, Unit unit, DoublePredicate inRange, String expected) {
    }

    private static final Parameter MEAN = positiveDuration("mean");

    private static final Map<String, List<Parameter>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("exponential", List.of(MEAN));
        PARAMETERS.put("constant", List.of(positiveDuration("value")));
        PARAMETERS.put("uniform", List.of(
                new Parameter("min", Unit.DURATION, v -> v >= 0, "a duration of 0 or more such as 10ms"),
                positiveDuration("max")));
        PARAMETERS.put("erlang", List.of(
                new Parameter("k", Unit.WHOLE, v -> v >= 1 && v <= Bounds.MAX_PHASES,
                        "a whole number of phases, at least 1 and at most 1000"), MEAN));
        PARAMETERS.put("lognormal", List.of(MEAN,
                new Parameter("cv", Unit.NUMBER, v -> v >= Bounds.MIN_CV && v <= Bounds.MAX_CV,
                        "a coefficient of variation from 0.001 to 100 such as 1.5")));
        PARAMETERS.put("hyperexponential", List.of(MEAN,
                new Parameter("cv", Unit.NUMBER, v -> v >= 1 && v <= Bounds.MAX_CV,
                        "a coefficient of variation of at least 1 and at most 100 such as 2 "
                                + "(use exponential for 1, erlang below)")));
        PARAMETERS.put("pareto", List.of(MEAN,
                new Parameter("alpha", Unit.NUMBER, v -> v > 1 && v <= Bounds.MAX_ALPHA,
                        "a tail index greater than 1 and at most 100 such as 2.5 (at 1 or below the mean is infinite)")));
        PARAMETERS.put("weibull", List.of(
                new Parameter("shape", Unit.NUMBER, v -> v >= Bounds.MIN_SHAPE && v <= Bounds.MAX_SHAPE, SHAPE_RANGE),
                positiveDuration("scale")));
    }

    private final Values values;
    private final Problems problems;

    DistributionBinder(Values values, Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    private static Parameter positiveDuration(String key) {
        return new Parameter(key, Unit.DURATION, v -> v > 0, Values.POSITIVE_DURATION);
    }

    /** Returns null when the map has problems, which are then recorded. */
    DistributionSpec bind(Node node, String path) {
        int before = problems.count();
        Fields fields = Fields.of(node, path, EXAMPLE, problems);
        Node kindNode = fields.require("distribution", "one of: " + String.join(", ", PARAMETERS.keySet()));
        String kind = kindNode == null ? null : values.choice(kindNode, fields.pathOf("distribution"), PARAMETERS.keySet());
        if (kind == null) {
            // Which keys belong is unknown; accept any distribution's keys so that only the kind is reported.
            Set<String> anyKey = new LinkedHashSet<>(List.of("distribution"));
            PARAMETERS.values().forEach(list -> list.forEach(p -> anyKey.add(p.key())));
            fields.allowOnly(anyKey);
            return null;
        }
        List<String> keys = new ArrayList<>(List.of("distribution"));
        PARAMETERS.get(kind).forEach(p -> keys.add(p.key()));
        fields.allowOnly(keys);
        Map<String, Double> read = new HashMap<>();
        for (Parameter parameter : PARAMETERS.get(kind)) {
            Node valueNode = fields.require(parameter.key(), parameter.expected());
            if (valueNode == null) continue;
            String valuePath = fields.pathOf(parameter.key());
            Double value = switch (parameter.unit()) {
                case DURATION -> values.duration(valueNode, valuePath, parameter.inRange(), parameter.expected());
                case NUMBER -> values.number(valueNode, valuePath, parameter.inRange(), parameter.expected());
                case WHOLE -> {
                    Long whole = values.integer(valueNode, valuePath, v -> parameter.inRange().test(v)
                            && v <= Integer.MAX_VALUE, parameter.expected());
                    yield whole == null ? null : whole.doubleValue();
                }
            };
            read.put(parameter.key(), value);
        }
        if (problems.count() > before) return null;
        return problems.construct(fields.location(), path, () -> create(kind, read));
    }

    private static DistributionSpec create(String kind, Map<String, Double> p) {
        return switch (kind) {
            case "exponential" -> new DistributionSpec.Exponential(p.get("mean"));
            case "constant" -> new DistributionSpec.Constant(p.get("value"));
            case "uniform" -> new DistributionSpec.Uniform(p.get("min"), p.get("max"));
            case "erlang" -> new DistributionSpec.Erlang(p.get("k").intValue(), p.get("mean"));
            case "lognormal" -> new DistributionSpec.Lognormal(p.get("mean"), p.get("cv"));
            case "hyperexponential" -> new DistributionSpec.Hyperexponential(p.get("mean"), p.get("cv"));
            case "pareto" -> new DistributionSpec.Pareto(p.get("mean"), p.get("alpha"));
            case "weibull" -> new DistributionSpec.Weibull(p.get("shape"), p.get("scale"));
            default -> throw new IllegalStateException("distribution without a constructor: " + kind);
        };
    }
}
