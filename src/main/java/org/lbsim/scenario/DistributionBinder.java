package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lbsim.cluster.spec.DistributionSpec;

/**
 * Binds a distribution map such as {@code {distribution: lognormal, mean: 400ms, cv: 2}} to a
 * {@link DistributionSpec}. Each distribution takes exactly its own keys.
 */
final class DistributionBinder {

    static final String EXAMPLE = "a distribution map such as {distribution: exponential, mean: 20ms}";

    /** What a Weibull shape may be, here and for failures' up times ({@link Bounds#MIN_SHAPE}). */
    static final String SHAPE_RANGE = "a Weibull shape from 0.1 to 100 such as 1.5";

    private static final Key<Double> MEAN = positiveDuration("mean", "the mean");

    /** Each distribution's keys besides {@code distribution}, by its name. */
    private static final Map<String, List<Key<?>>> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("exponential", List.of(MEAN));
        PARAMETERS.put("constant", List.of(positiveDuration("value", "always this value")));
        PARAMETERS.put("uniform", List.of(
                Key.required("min", ValueRule.Duration.atLeastZero("a duration of 0 or more such as 10ms"),
                        "a duration of 0 or more such as 10ms", "the lowest value"),
                positiveDuration("max", "the highest value, above min")));
        ValueRule.Int phases = new ValueRule.Int(1, Bounds.MAX_PHASES, "a whole number of phases, at least 1 and at most 1000");
        PARAMETERS.put("erlang", List.of(Key.required("k", phases, phases.expected(), "the number of exponential phases"),
                MEAN));
        ValueRule.Decimal cv = ValueRule.Decimal.closed(Bounds.MIN_CV, Bounds.MAX_CV,
                "a coefficient of variation from 0.001 to 100 such as 1.5");
        PARAMETERS.put("lognormal", List.of(MEAN,
                Key.required("cv", cv, cv.expected(), "the coefficient of variation, standard deviation / mean")));
        ValueRule.Decimal h2cv = ValueRule.Decimal.closed(1, Bounds.MAX_CV,
                "a coefficient of variation of at least 1 and at most 100 such as 2 (use exponential for 1, erlang below)");
        PARAMETERS.put("hyperexponential", List.of(MEAN,
                Key.required("cv", h2cv, h2cv.expected(), "the coefficient of variation, standard deviation / mean")));
        ValueRule.Decimal alpha = new ValueRule.Decimal(1, true, Bounds.MAX_ALPHA, false,
                "a tail index greater than 1 and at most 100 such as 2.5 (at 1 or below the mean is infinite)");
        PARAMETERS.put("pareto", List.of(MEAN, Key.required("alpha", alpha, alpha.expected(), "the tail index")));
        ValueRule.Decimal shape = ValueRule.Decimal.closed(Bounds.MIN_SHAPE, Bounds.MAX_SHAPE, SHAPE_RANGE);
        PARAMETERS.put("weibull", List.of(Key.required("shape", shape, SHAPE_RANGE, "the shape k"),
                positiveDuration("scale", "the scale")));
    }

    /** A distribution map: {@code distribution} names one, and the map holds exactly that one's keys. */
    static final ValueRule.Tagged DISTRIBUTION = tagged();

    private static ValueRule.Tagged tagged() {
        Map<String, MapRule> variants = new LinkedHashMap<>();
        PARAMETERS.forEach((kind, keys) -> variants.put(kind, new MapRule("a " + kind + " distribution",
                Binding.<Key<?>>concat(List.of(Key.required("distribution", new ValueRule.Choice(List.copyOf(PARAMETERS.keySet())),
                        "one of: " + String.join(", ", PARAMETERS.keySet()), "the distribution")), keys), List.of())));
        return new ValueRule.Tagged("distribution", variants, "a distribution such as {distribution: exponential, mean: 20ms}");
    }

    private final Values values;
    private final Problems problems;

    DistributionBinder(Values values, Problems problems) {
        this.values = values;
        this.problems = problems;
    }

    private static Key<Double> positiveDuration(String key, String description) {
        return Key.required(key, ValueRule.Duration.positive(Values.POSITIVE_DURATION), Values.POSITIVE_DURATION, description);
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
            PARAMETERS.values().forEach(list -> list.forEach(p -> anyKey.add(p.name())));
            fields.allowOnly(anyKey);
            return null;
        }
        List<String> keys = new ArrayList<>(List.of("distribution"));
        PARAMETERS.get(kind).forEach(p -> keys.add(p.name()));
        fields.allowOnly(keys);
        Map<String, Double> read = new HashMap<>();
        for (Key<?> parameter : PARAMETERS.get(kind)) {
            Node valueNode = fields.require(parameter.name(), parameter.missing());
            if (valueNode == null) continue;
            Object value = parameter.scalar().read(values, valueNode, fields.pathOf(parameter.name()));
            read.put(parameter.name(), value == null ? null : ((Number) value).doubleValue());
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
