package org.lbsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the rules the loader reads
 * keys through ({@link ScenarioBinder#TOP} and every rule it reaches) and from the algorithms'
 * parameter rules, so that a key the loader accepts is a key the schema knows. Editors that read
 * the schema complete and check scenario files as they are typed.
 *
 * <p>The schema refuses what the loader refuses wherever a schema can say it: unknown keys,
 * wrong types, words outside their set, numbers out of bounds, units that do not parse, keys that
 * belong to another algorithm, distribution, process, action or failure form. What needs the
 * whole file (a reference to a server defined elsewhere, a warmup shorter than the duration) is
 * left to {@code lbsim validate}. Durations, rates and whole numbers are written as numbers or
 * as text ({@code 250ms}, {@code 150/s}, {@code 10_000_000}); their bounds apply to numbers,
 * their patterns to text.
 */
public final class ScenarioSchema {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    /** A number, as the loader reads it: digits, an optional fraction, no exponent for units. */
    private static final String NUMBER = "(\\d+(\\.\\d*)?|\\.\\d+)";
    /** Some digit other than 0 comes next: what keeps "0s" out of a positive quantity. */
    private static final String NOT_ZERO = "(?=[^1-9]*[1-9])";
    private static final String DURATION_UNITS = "(ms|s|min|h|d)?";
    private static final String RATE_UNITS = "(\\s*/\\s*(s|min|h))?";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, Map<String, ParameterRule>> algorithms;
    /** Rules used in more than one place, written once under {@code $defs}: rule → its name there. */
    private final Map<Object, String> shared = new IdentityHashMap<>();
    private final Map<String, ObjectNode> defs = new LinkedHashMap<>();

    private ScenarioSchema(Map<String, Map<String, ParameterRule>> algorithms) {
        Map<String, Map<String, ParameterRule>> sorted = new TreeMap<>();
        algorithms.forEach((name, rules) -> sorted.put(name, new TreeMap<>(rules)));
        this.algorithms = sorted;
        shared.put(DistributionBinder.DISTRIBUTION, "distribution");
        shared.put(SecurityGroupsBinder.RULE, "securityGroupRule");
    }

    /**
     * The schema as JSON.
     *
     * @param algorithms every known algorithm's name, with the rule of each parameter it accepts by key
     */
    public static ObjectNode generate(Map<String, Map<String, ParameterRule>> algorithms) {
        return new ScenarioSchema(algorithms).root();
    }

    /** The schema as the shipped file holds it: pretty-printed, keys in a fixed order, a newline at the end. */
    public static String text(Map<String, Map<String, ParameterRule>> algorithms) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return new ObjectMapper().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writer(printer).writeValueAsString(generate(algorithms)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema built of JSON nodes always writes", e);
        }
    }

    private ObjectNode root() {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", DIALECT);
        root.put("title", "lbsim scenario");
        ObjectNode top = map(ScenarioBinder.TOP);
        top.remove("type");
        root.put("type", "object");
        root.setAll(top);
        ObjectNode defsNode = root.putObject("$defs");
        defs.forEach(defsNode::set);
        return root;
    }

    /** The schema of a value by its rule; a shared rule is written once under {@code $defs} and referred to. */
    private ObjectNode value(ValueRule rule) {
        String name = shared.get(rule instanceof ValueRule.Section section ? section.rule() : rule);
        if (name != null) {
            if (!defs.containsKey(name)) {
                defs.put(name, JSON.objectNode()); // reserved first, so that a rule reaching itself ends
                defs.put(name, inline(rule));
            }
            ObjectNode ref = JSON.objectNode();
            ref.put("$ref", "#/$defs/" + name);
            return ref;
        }
        return inline(rule);
    }

    private ObjectNode inline(ValueRule rule) {
        if (rule instanceof ValueRule.Int r) return whole(r.min(), r.max());
        if (rule instanceof ValueRule.Long64 r) return whole(r.min(), r.max());
        if (rule instanceof ValueRule.Decimal r) return decimal(r.min(), r.minOpen(), r.max(), r.maxOpen());
        if (rule instanceof ValueRule.Duration r) return duration(r);
        if (rule instanceof ValueRule.Rate r) return rate(r);
        if (rule instanceof ValueRule.Flag) return typed("boolean");
        if (rule instanceof ValueRule.Choice r) return choice(r.options());
        if (rule instanceof ValueRule.Name) {
            // The loader takes a name as written, so "2024" or "true" is a name too.
            ObjectNode node = scalarText();
            node.put("pattern", "^(?=.*\\S)[^\\u0000-\\u001F\\u007F-\\u009F]*$");
            return node;
        }
        if (rule instanceof ValueRule.Port) return whole(1, 65535);
        if (rule instanceof ValueRule.PortRange) {
            ObjectNode node = whole(0, 65535);
            node.put("pattern", "^\\s*\\d{1,5}(\\s*-\\s*\\d{1,5})?\\s*$");
            return node;
        }
        if (rule instanceof ValueRule.CidrBlock) {
            ObjectNode node = typed("string");
            node.put("pattern", "^\\s*[0-9A-Fa-f:.]+(/\\d{1,3})?\\s*$");
            return node;
        }
        if (rule instanceof ValueRule.Text) return scalarText();
        if (rule instanceof ValueRule.Algorithm) return choice(List.copyOf(algorithms.keySet()));
        if (rule instanceof ValueRule.Section r) return map(r.rule());
        if (rule instanceof ValueRule.ListOf r) {
            ObjectNode node = typed("array");
            node.set("items", value(r.item()));
            if (r.minItems() > 0) node.put("minItems", r.minItems());
            return node;
        }
        if (rule instanceof ValueRule.Tagged r) return tagged(r);
        if (rule instanceof ValueRule.AnyOf r) {
            ObjectNode node = JSON.objectNode();
            ArrayNode forms = node.putArray("anyOf");
            r.forms().forEach(form -> forms.add(value(form)));
            return node;
        }
        throw new IllegalStateException("no schema for " + rule);
    }

    /** A map: its keys and no others, the required ones, and the conditions between them. */
    private ObjectNode map(MapRule rule) {
        ObjectNode node = typed("object");
        node.put("description", rule.description());
        ObjectNode properties = node.putObject("properties");
        for (Key<?> key : rule.keys()) properties.set(key.name(), key(key));
        boolean balancer = rule == BalancerBinder.BALANCER;
        if (balancer) algorithmParameters().forEach(properties::set);
        Set<String> conditional = conditionalKeys(rule);
        requiredKeys(node, rule.keys().stream().filter(k -> !conditional.contains(k.name())).toList());
        node.put("additionalProperties", false);
        ArrayNode allOf = JSON.arrayNode();
        rule.conditions().forEach(condition -> allOf.add(condition(condition, rule)));
        if (balancer) algorithmConditions(allOf);
        if (!allOf.isEmpty()) node.set("allOf", allOf);
        return node;
    }

    /** A map whose keys depend on its tag: every variant's keys, each variant's own checked when the tag names it. */
    private ObjectNode tagged(ValueRule.Tagged rule) {
        ObjectNode node = typed("object");
        node.put("description", rule.description());
        Map<String, List<Key<?>>> byName = new LinkedHashMap<>();
        rule.variants().values().forEach(variant -> variant.keys()
                .forEach(key -> byName.computeIfAbsent(key.name(), n -> new ArrayList<>()).add(key)));
        ObjectNode properties = node.putObject("properties");
        Set<String> differing = new LinkedHashSet<>();
        byName.forEach((name, keys) -> {
            if (name.equals(rule.tag())) {
                ObjectNode tag = choice(List.copyOf(rule.variants().keySet()));
                tag.put("description", keys.get(0).description());
                properties.set(name, tag);
            } else if (keys.stream().map(Key::rule).distinct().count() == 1) {
                properties.set(name, key(keys.get(0)));
            } else {
                // The variants differ on this key's value: each variant's condition checks it.
                properties.putObject(name).put("description", keys.get(0).description());
                differing.add(name);
            }
        });
        node.putArray("required").add(rule.tag());
        node.put("additionalProperties", false);
        ArrayNode allOf = node.putArray("allOf");
        rule.variants().forEach((tagValue, variant) -> {
            ObjectNode condition = allOf.addObject();
            ObjectNode when = condition.putObject("if");
            when.putObject("properties").putObject(rule.tag()).put("const", tagValue);
            when.putArray("required").add(rule.tag());
            ObjectNode then = condition.putObject("then");
            ObjectNode own = then.putObject("properties");
            for (String name : byName.keySet()) {
                if (name.equals(rule.tag())) continue;
                Key<?> key = variant.keys().stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
                if (key == null) {
                    own.put(name, false);
                } else if (differing.contains(name)) {
                    own.set(name, key(key));
                }
            }
            Set<String> conditional = conditionalKeys(variant);
            requiredKeys(then, variant.keys().stream().filter(k -> !conditional.contains(k.name())).toList());
            variant.conditions().forEach(c -> {
                if (!then.has("allOf")) then.putArray("allOf");
                ((ArrayNode) then.get("allOf")).add(condition(c, variant));
            });
        });
        return node;
    }

    /** One key: its value's schema with its description and default. */
    private ObjectNode key(Key<?> key) {
        ObjectNode schema = value(key.rule()).deepCopy();
        ObjectNode node = JSON.objectNode();
        node.put("description", key.description());
        schema.remove("description");
        node.setAll(schema);
        if (key.defaultText() != null) node.set("default", literal(key.rule(), key.defaultText()));
        if (!key.required() && (key.rule() instanceof ValueRule.Section || key.rule() instanceof ValueRule.ListOf)) {
            // "balancer:" with nothing after it is the same as leaving it out.
            ArrayNode types = JSON.arrayNode().add(node.get("type").asText()).add("null");
            node.set("type", types);
        }
        return node;
    }

    /** Keys whose presence a condition decides: required there, not always. */
    private static Set<String> conditionalKeys(MapRule rule) {
        Set<String> keys = new LinkedHashSet<>();
        for (MapRule.Condition condition : rule.conditions()) {
            if (condition instanceof MapRule.OnlyWhen c) keys.add(c.key());
            if (condition instanceof MapRule.OneForm c) c.forms().forEach(form -> {
                keys.addAll(form.required());
                keys.addAll(form.optional());
            });
        }
        return keys;
    }

    private static void requiredKeys(ObjectNode node, List<Key<?>> keys) {
        List<String> required = keys.stream().filter(Key::required).map(Key::name).toList();
        if (required.isEmpty()) return;
        ArrayNode array = node.putArray("required");
        required.forEach(array::add);
    }

    private ObjectNode condition(MapRule.Condition condition, MapRule rule) {
        ObjectNode node = JSON.objectNode();
        if (condition instanceof MapRule.OnlyWhen c) {
            ObjectNode when = node.putObject("if");
            ArrayNode values = when.putObject("properties").putObject(c.tag()).putArray("enum");
            c.values().forEach(values::add);
            when.putArray("required").add(c.tag());
            if (c.requiredThen()) node.putObject("then").putArray("required").add(c.key());
            node.putObject("else").putObject("properties").put(c.key(), false);
        } else if (condition instanceof MapRule.OneForm c) {
            Set<String> formKeys = new LinkedHashSet<>();
            c.forms().forEach(form -> {
                formKeys.addAll(form.required());
                formKeys.addAll(form.optional());
            });
            ArrayNode oneOf = node.putArray("oneOf");
            for (MapRule.Form form : c.forms()) {
                ObjectNode option = oneOf.addObject();
                ArrayNode required = option.putArray("required");
                form.required().forEach(required::add);
                ObjectNode others = option.putObject("properties");
                formKeys.stream().filter(k -> !form.required().contains(k) && !form.optional().contains(k))
                        .forEach(k -> others.put(k, false));
            }
        } else if (condition instanceof MapRule.NotBoth c) {
            node.putObject("not").putArray("required").add(c.first()).add(c.second());
        } else if (condition instanceof MapRule.OneOfRequired c) {
            ArrayNode anyOf = node.putArray("anyOf");
            c.keys().forEach(key -> anyOf.addObject().putArray("required").add(key));
            ObjectNode unless = anyOf.addObject();
            unless.putArray("required").add(c.unlessKey());
            ObjectNode nested = unless.putObject("properties").putObject(c.unlessKey());
            nested.putObject("properties").putObject(c.unlessTag()).put("const", c.unlessValue());
            nested.putArray("required").add(c.unlessTag());
        } else if (condition instanceof MapRule.Narrowed c) {
            ObjectNode when = node.putObject("if");
            when.putObject("properties").putObject(c.tag()).put("const", c.value());
            when.putArray("required").add(c.tag());
            node.putObject("then").putObject("properties").set(c.key(), value(c.rule()));
        } else {
            throw new IllegalStateException("no schema for " + condition + " in " + rule.description());
        }
        return node;
    }

    /** Every algorithm parameter a balancer may hold; each is checked by its algorithm's condition. */
    private Map<String, ObjectNode> algorithmParameters() {
        Map<String, List<ParameterRule>> byKey = new TreeMap<>();
        algorithms.values().forEach(rules -> rules.forEach((key, rule) ->
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rule)));
        Map<String, ObjectNode> properties = new LinkedHashMap<>();
        byKey.forEach((key, rules) -> {
            ObjectNode node = JSON.objectNode();
            String description = rules.get(0).description();
            List<String> users = algorithms.entrySet().stream().filter(e -> e.getValue().containsKey(key))
                    .map(Map.Entry::getKey).toList();
            node.put("description", (description == null ? "a parameter" : description)
                    + " (a parameter of " + String.join(", ", users) + ")");
            properties.put(key, node);
        });
        return properties;
    }

    /** For each algorithm, and for none written (the default), its parameters are allowed and checked, no other's. */
    private void algorithmConditions(ArrayNode allOf) {
        Set<String> every = new java.util.TreeSet<>();
        algorithms.values().forEach(rules -> every.addAll(rules.keySet()));
        if (every.isEmpty()) return;
        for (Map.Entry<String, Map<String, ParameterRule>> algorithm : algorithms.entrySet()) {
            ObjectNode condition = allOf.addObject();
            ObjectNode when = condition.putObject("if");
            when.putObject("properties").putObject("algorithm").put("const", algorithm.getKey());
            when.putArray("required").add("algorithm");
            condition.set("then", parametersOf(algorithm.getValue(), every));
        }
        ObjectNode absent = allOf.addObject();
        absent.putObject("if").putObject("not").putArray("required").add("algorithm");
        absent.set("then", parametersOf(algorithms.getOrDefault(AlgorithmBinder.DEFAULT_ALGORITHM, Map.of()), every));
    }

    private ObjectNode parametersOf(Map<String, ParameterRule> own, Set<String> every) {
        ObjectNode then = JSON.objectNode();
        ObjectNode properties = then.putObject("properties");
        for (String key : every) {
            ParameterRule rule = own.get(key);
            if (rule == null) {
                properties.put(key, false);
            } else {
                ObjectNode node = JSON.objectNode();
                if (rule.description() != null) node.put("description", rule.description());
                node.setAll(parameter(rule));
                if (rule.defaultText() != null) node.set("default", literal(kindRule(rule), rule.defaultText()));
                properties.set(key, node);
            }
        }
        return then;
    }

    private ObjectNode parameter(ParameterRule rule) {
        ObjectNode node = inline(kindRule(rule));
        if (rule.kind() == ParameterRule.Kind.TEXT) node.remove("type");
        return node;
    }

    /** The value rule a parameter's kind and bounds amount to. */
    private static ValueRule kindRule(ParameterRule rule) {
        double min = Double.isNaN(rule.min()) ? Double.NEGATIVE_INFINITY : rule.min();
        double max = Double.isNaN(rule.max()) ? Double.POSITIVE_INFINITY : rule.max();
        return switch (rule.kind()) {
            case TEXT -> new ValueRule.Text("a value");
            case INTEGER -> new ValueRule.Long64(min == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE : (long) min,
                    max == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) max, rule.expected());
            case NUMBER -> new ValueRule.Decimal(min, false, max, false, rule.expected());
            case DURATION -> new ValueRule.Duration(min, false, max, false, rule.expected());
        };
    }

    /** Whole numbers, written as numbers or as digits that underscores may group. */
    private static ObjectNode whole(long min, long max) {
        ObjectNode node = JSON.objectNode();
        node.set("type", JSON.arrayNode().add("integer").add("string"));
        node.put("pattern", (min < 0 ? "^\\s*[+-]?" : "^\\s*\\+?") + "\\d[\\d_]*\\s*$");
        if (min != Long.MIN_VALUE) node.put("minimum", min);
        if (max != Long.MAX_VALUE) node.put("maximum", max);
        return node;
    }

    /** Decimal numbers, written as numbers or as their text. */
    private static ObjectNode decimal(double min, boolean minOpen, double max, boolean maxOpen) {
        ObjectNode node = JSON.objectNode();
        node.set("type", JSON.arrayNode().add("number").add("string"));
        node.put("pattern", "^\\s*" + (min < 0 ? "[+-]?" : "\\+?") + (minOpen && min == 0 ? NOT_ZERO : "")
                + NUMBER + "([eE][+-]?\\d+)?\\s*$");
        bounds(node, min, minOpen, max, maxOpen);
        return node;
    }

    /** A duration: seconds as a number, or text with a unit; its bounds in seconds. */
    private static ObjectNode duration(ValueRule.Duration rule) {
        ObjectNode node = JSON.objectNode();
        node.set("type", JSON.arrayNode().add("number").add("string"));
        boolean positive = rule.min() > 0 || rule.min() == 0 && rule.minOpen();
        node.put("pattern", "^\\s*\\+?" + (positive ? NOT_ZERO : "") + NUMBER + "\\s*" + DURATION_UNITS + "\\s*$");
        double max = Math.min(rule.max(), Bounds.MAX_DURATION);
        bounds(node, rule.min(), rule.minOpen(), max, false);
        if (rule.wholeSeconds()) node.put("multipleOf", 1);
        return node;
    }

    /** A rate: per second as a number, or text with a unit; its bounds per second. */
    private static ObjectNode rate(ValueRule.Rate rule) {
        ObjectNode node = JSON.objectNode();
        node.set("type", JSON.arrayNode().add("number").add("string"));
        boolean positive = rule.min() > 0 || rule.min() == 0 && rule.minOpen();
        node.put("pattern", "^\\s*\\+?" + (positive ? NOT_ZERO : "") + NUMBER + RATE_UNITS + "\\s*$");
        bounds(node, rule.min(), rule.minOpen(), Bounds.MAX_RATE, false);
        return node;
    }

    private static void bounds(ObjectNode node, double min, boolean minOpen, double max, boolean maxOpen) {
        if (Double.isFinite(min)) node.set(minOpen ? "exclusiveMinimum" : "minimum", number(min));
        if (Double.isFinite(max)) node.set(maxOpen ? "exclusiveMaximum" : "maximum", number(max));
    }

    private static ObjectNode choice(List<String> options) {
        ObjectNode node = JSON.objectNode();
        ArrayNode values = node.putArray("enum");
        options.forEach(values::add);
        return node;
    }

    /** Text the loader takes as written: a YAML number or boolean is text to it too. */
    private static ObjectNode scalarText() {
        ObjectNode node = JSON.objectNode();
        node.set("type", JSON.arrayNode().add("string").add("number").add("boolean"));
        return node;
    }

    private static ObjectNode typed(String type) {
        ObjectNode node = JSON.objectNode();
        node.put("type", type);
        return node;
    }

    /** A number as JSON writes it plainly: {@code 1000}, not {@code 1000.0}; {@code 1.0E-6} as {@code 0.000001}. */
    private static com.fasterxml.jackson.databind.JsonNode number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() <= 0 ? JSON.numberNode(decimal.toBigIntegerExact()) : JSON.numberNode(decimal);
    }

    /** A default as a scenario writes it, as the JSON value an editor would insert. */
    private static com.fasterxml.jackson.databind.JsonNode literal(ValueRule rule, String text) {
        if (rule instanceof ValueRule.Flag) return BooleanNode.valueOf(Boolean.parseBoolean(text));
        boolean numeric = rule instanceof ValueRule.Int || rule instanceof ValueRule.Long64
                || rule instanceof ValueRule.Decimal || rule instanceof ValueRule.Port
                || rule instanceof ValueRule.Duration || rule instanceof ValueRule.Rate;
        String digits = text.replace("_", "");
        if (numeric && digits.matches("[+-]?\\d+(\\.\\d+)?")) {
            BigDecimal decimal = new BigDecimal(digits);
            return decimal.scale() <= 0 ? JSON.numberNode(decimal.toBigIntegerExact()) : JSON.numberNode(decimal);
        }
        return JSON.textNode(Objects.requireNonNull(text));
    }
}
