package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lbsim.cli.Main;

/**
 * Issue 15: no input crashes lbsim, hangs it or gets a wrong answer. A seeded generator mutates
 * the shipped scenarios into hundreds of malformed and extreme inputs (huge, negative and
 * non-finite numbers, empty and blank values, long strings, deep nesting, wrong types, complex
 * keys, tags and aliases, Unicode and invalid bytes, truncation, duplicated and deleted lines)
 * and hostile {@code --set} options. Each is validated through the command line; each valid
 * one is also run, briefly. Every outcome must be exit status 0 or 2, never 1; no internal
 * error and no stack trace; a status-2 message names the file (or the option at fault); a run's
 * JSON must parse as JSON (no NaN or Infinity).
 *
 * <p>The seed makes every input reproducible: a failure prints the input that caused it.
 */
class ScenarioFuzzTest {

    /**
     * The seed, the number of inputs and how long a valid one runs (simulated);
     * {@code -Dlbsim.fuzz.seed=N -Dlbsim.fuzz.inputs=M -Dlbsim.fuzz.runFor=20s} explore further.
     */
    private static final long SEED = Long.getLong("lbsim.fuzz.seed", 15);
    private static final int INPUTS = Integer.getInteger("lbsim.fuzz.inputs", 800);
    private static final String RUN_FOR = System.getProperty("lbsim.fuzz.runFor", "200ms");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code key: value} in block or flow style: group 2 is the value's text. */
    private static final Pattern KEY_VALUE = Pattern.compile("(\\b[A-Za-z0-9]+:[ ]+)([^\\s,{}\\[\\]#][^,{}\\[\\]#\\n]*)");
    private static final Pattern KEY = Pattern.compile("(?m)^(\\s*-?\\s*)([A-Za-z0-9]+)(:)");

    private static final List<String> HOSTILE = List.of(
            "2147483647", "2147483648", "-2147483648", "9223372036854775807", "99999999999999999999999", "-1", "0",
            "-0", "0.0", "1e308", "1e-308", "1e400", ".nan", ".inf", "-.inf", "NaN", "''", "\" \"", "\"\\t\"",
            "\"a\\u0000b\"", "\"a\\nb\"", "~", "null", "[]", "{}", "[1, 2]", "{a: 1}", "true", "yes", "0x7fffffff",
            "1_000_000", "1__0", "_", "10000", "1000", "1001", "100001", "257", "256", "0.0000000001ms", "0.001ms",
            "1e9/s", "10000000/s", "10000001/s", "0/s", "-5/s", "1/0", "365d", "366d", "365001d",
            "99999999999999999999999d", "5 min", "5mins", "1.5.5", "9999999999999ms", "0.005", "0.1", "100", "1e200",
            "éè", "wéb-１", "\uD83D\uDE00", "'unterminated", "\"unterminated", "a: b: c", "- item", "|", ">", "%",
            "@x", "`x", "/dev/zero", "/", ".", "../../../../etc/passwd", "consistent-hash", "power-of-d", "weibull",
            "web-1", "balancer", "!!java.net.URL http://x", "!!str 1", "*anchor", "&anchor 1", "? [a, b]",
            "{distribution: weibull, shape: 0.005, scale: 1s}", "{distribution: lognormal, mean: 1ms, cv: 1e200}",
            "{process: closed, users: 3, thinkTime: {distribution: constant, value: 0.001ms}}",
            "[{name: ' ', weight: 1, service: {distribution: constant, value: 1ms}}]",
            "{base: 0s, perKB: 0s}");

    /** Values at or near the bounds that are still valid: runs must cope with them. */
    private static final List<String> EDGE = List.of(
            "1", "2", "0", "256", "1000", "10000", "100000", "0.001", "0.1", "100", "1000000", "0.001ms", "1ms",
            "365d", "1/h", "0.001/s", "10000/s", "1000000/s", "[]", "~", "0.0.0.0/0", "::/0", "1-65535", "65535",
            "{distribution: weibull, shape: 0.1, scale: 1ms}", "{distribution: pareto, mean: 1ms, alpha: 1.0001}",
            "{distribution: lognormal, mean: 0.001ms, cv: 100}", "{distribution: hyperexponential, mean: 1s, cv: 100}",
            "{distribution: erlang, k: 1000, mean: 1ms}", "{distribution: uniform, min: 0s, max: 0.001ms}",
            "{process: closed, users: 1000, thinkTime: {distribution: constant, value: 0.001ms}}",
            "{process: mmpp, states: [{rate: 0/s, meanDuration: 0.001ms}, {rate: 1000/s, meanDuration: 0.001ms}]}",
            "{process: poisson, rate: {trough: 0/s, peak: 10000/s, period: 0.001ms}}");

    private static final List<String> PATHS = List.of(
            "duration", "warmup", "seed", "maxRequestsInSystem", "name", "clients", "servers", "events", "autoscaling",
            "clients.0", "clients.0.name", "clients.0.arrivals", "clients.0.arrivals.rate", "clients.0.arrivals.process",
            "clients.0.service", "clients.0.service.mean", "clients.0.mix", "clients.0.timeout", "clients.0.target",
            "clients.0.sources", "clients.0.port", "servers.0", "servers.0.name", "servers.0.workers", "servers.0.weight",
            "servers.0.count", "servers.0.speed", "servers.0.queueCapacity", "servers.0.failures", "servers.0.costPerHour",
            "balancer", "balancer.algorithm", "balancer.choices", "balancer.virtualNodes", "balancer.decay",
            "balancer.healthCheck", "balancer.healthCheck.interval", "balancer.healthCheck.timeout",
            "balancer.healthCheck.healthyThreshold", "balancer.retries", "balancer.outlierDetection",
            "balancer.stickiness", "events.0", "events.0.at", "autoscaling.max", "securityGroups.0.inbound",
            "networkAcls", "clients.users.arrivals.rate", "servers.web-1.weight");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hostileInputs_endInStatus0Or2_withAMessageNamingTheFile_neverAStackTrace() throws IOException {
        List<Path> shipped;
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(shipped).isNotEmpty();
        List<String> bases = new ArrayList<>();
        for (Path file : shipped) bases.add(Files.readString(file));
        // The trace scenario names its log relative to its folder.
        Path data = Files.createDirectory(dir.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("scenarios/data"))) {
            for (Path file : files.toList()) Files.copy(file, data.resolve(file.getFileName()));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < INPUTS && failures.size() < 10; i++) {
            Input input = next(random, bases);
            try {
                check(i, input, outcomes);
            } catch (AssertionError e) {
                failures.add(shorten(e.getMessage()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ScenarioFuzzTest: seed %d, %d inputs in %.1f s: %s%n", SEED, INPUTS, seconds, outcomes);
        assertThat(failures).as("inputs that ended badly (the first 10 are kept)").isEmpty();
        // The generator must reach both sides: inputs refused, and inputs valid enough to run.
        assertThat(outcomes.getOrDefault("validate 2", 0)).isGreaterThan(INPUTS / 4);
        assertThat(outcomes.getOrDefault("run 0", 0)).isGreaterThan(INPUTS / 10);
    }

    /** Validates the input through the command line and, when it is valid, runs it briefly. */
    private void check(int i, Input input, TreeMap<String, Integer> outcomes) throws IOException {
        Path file = dir.resolve("fuzz-" + i + ".yaml");
        Files.write(file, input.bytes());
        List<String> validate = new ArrayList<>(List.of("validate", file.toString()));
        input.options().forEach(option -> validate.addAll(List.of("--set", option)));
        Outcome checked = lbsim(validate);
        String what = "input " + i + " (" + input.description() + "), options " + shorten(input.options().toString())
                + ", file:\n" + shorten(new String(input.bytes(), StandardCharsets.UTF_8));
        assertClean(what, checked, file, false);
        outcomes.merge("validate " + checked.status(), 1, Integer::sum);
        if (checked.status() != 0) return;
        assertThat(checked.out()).as(what).contains("valid");
        List<String> run = new ArrayList<>(validate);
        run.set(0, "run");
        run.addAll(List.of("--set", "duration=" + RUN_FOR, "--set", "warmup=0s", "--json", "-"));
        Outcome ran = lbsim(run);
        if (ran.status() == 2 && ran.err().contains("events[")) {
            // An event after the shortened run: run without the timeline.
            run.addAll(List.of("--set", "events=[]"));
            ran = lbsim(run);
        }
        assertClean(what + "\nrun " + shorten(run.toString()), ran, file, true);
        outcomes.merge("run " + ran.status(), 1, Integer::sum);
        if (ran.status() == 0) {
            assertThat(JSON.readTree(ran.out()).get("requests")).as(what + "\nJSON:\n" + ran.out()).isNotNull();
        }
    }

    private record Input(String description, byte[] bytes, List<String> options) {
    }

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome lbsim(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Outcome(status, out.toString(), err.toString());
    }

    private static void assertClean(String what, Outcome outcome, Path file, boolean run) {
        String err = outcome.err();
        assertThat(err).as(what + "\nstderr:\n" + shorten(err))
                .doesNotContain("internal error", "Exception", "\tat ", "java.lang", "org.yaml", "com.fasterxml");
        if (run && outcome.status() == 1) {
            // A run that reaches maxRequestsInSystem stops with its message and status 1 by design
            // (Main: SystemFullException); a fuzzed cap of 1 gets there at once.
            assertThat(err).as(what).startsWith("lbsim: ").contains("maxRequestsInSystem");
            return;
        }
        assertThat(outcome.status()).as(what + "\nstderr:\n" + shorten(err)).isIn(0, 2);
        if (outcome.status() == 2) {
            assertThat(err).as(what).isNotBlank();
            assertThat(err.contains(file.toString()) || err.startsWith("lbsim: --set"))
                    .as(what + "\nstderr names neither the file nor the option:\n" + shorten(err)).isTrue();
        }
    }

    private static String shorten(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 4000) + "... (" + text.length() + " characters)";
    }

    // ---- the generator

    private static Input next(SplittableRandom random, List<String> bases) {
        String base = bases.get(random.nextInt(bases.size()));
        int kind = random.nextInt(19);
        return switch (kind) {
            case 0, 1, 2, 3 -> {
                String text = base;
                int edits = 1 + random.nextInt(3);
                for (int e = 0; e < edits; e++) text = replaceValue(text, random, pick(random, HOSTILE));
                yield text("hostile values", text);
            }
            case 4 -> new Input("hostile --set", utf8(base), List.of(pick(random, PATHS) + "=" + pick(random, HOSTILE)));
            case 5 -> new Input("hostile --set path", utf8(base), List.of(hostilePath(random) + "=" + pick(random, HOSTILE)));
            case 6 -> text("a line deleted", deleteLine(base, random));
            case 7 -> text("a line duplicated", duplicateLine(base, random));
            case 8 -> {
                byte[] bytes = utf8(base);
                yield new Input("truncated", Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)), List.of());
            }
            case 9 -> {
                int depth = 1 + random.nextInt(60);
                String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                yield text("nested " + depth + " deep", replaceValue(base, random, nested));
            }
            case 10 -> text("a complex key", insertLine(base, random, random.nextBoolean() ? "? [a, b]\n: 1" : "? {x: 1}\n: 2"));
            case 11 -> text("indentation changed", reindent(base, random));
            case 12 -> new Input("invalid bytes", invalidBytes(utf8(base), random), List.of());
            case 13 -> text("a key renamed", renameKey(base, random));
            case 14 -> text("long text", replaceValue(base, random, "x".repeat(1 + random.nextInt(100_000))));
            case 15 -> {
                String text = base;
                for (int e = 1 + random.nextInt(3); e > 0; e--) text = replaceValue(text, random, pick(random, EDGE));
                yield text("edge values", text);
            }
            case 16 -> new Input("edge --set", utf8(base), List.of(pick(random, PATHS) + "=" + pick(random, EDGE),
                    pick(random, PATHS) + "=" + pick(random, EDGE)));
            case 17 -> new Input("a timeline", utf8(base), List.of("events=" + timeline(base, random)));
            default -> text("junk", junk(random));
        };
    }

    private static Input text(String description, String text) {
        return new Input(description, utf8(text), List.of());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(SplittableRandom random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String replaceValue(String text, SplittableRandom random, String value) {
        Matcher matcher = KEY_VALUE.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) spans.add(new int[] {matcher.start(2), matcher.end(2)});
        if (spans.isEmpty()) return text;
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    private static String hostilePath(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> String.join(".", Collections.nCopies(1 + random.nextInt(5000), "a"));
            case 1 -> "";
            case 2 -> "clients..rate";
            case 3 -> "clients.99999999999.rate";
            case 4 -> "clients.-1.rate";
            case 5 -> "servers.0.name.x.y";
            case 6 -> "clients.éè.ｒａｔｅ";
            default -> pick(random, PATHS) + "." + pick(random, PATHS);
        };
    }

    /** Events at the start of the run, naming the base's own servers, clients and groups, with edge values. */
    private static String timeline(String base, SplittableRandom random) {
        List<String> servers = names(base, "servers");
        List<String> clients = names(base, "clients");
        List<String> groups = names(base, "securityGroups");
        String server = servers.isEmpty() ? "web" : pick(random, servers);
        List<String> events = new ArrayList<>();
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            String at = pick(random, List.of("0s", "1ms", "10ms", "0.001ms", "30ms"));
            events.add("{at: " + at + ", " + switch (random.nextInt(10)) {
                case 0 -> "action: fail, server: " + server;
                case 1 -> "action: recover, server: " + server;
                case 2 -> "action: slow, server: " + server + ", factor: " + pick(random, List.of("0.001", "1", "0.5"));
                case 3 -> "action: black-hole, server: " + server;
                case 4 -> "action: add-server, server: added-" + n + ", template: " + server;
                case 5 -> "action: remove-server, server: " + server;
                case 6 -> "action: set-weight, server: " + server + ", weight: " + pick(random, List.of("0", "1", "256"));
                case 7 -> "action: set-algorithm, algorithm: " + pick(random, List.of("consistent-hash", "power-of-d",
                        "ip-hash", "weighted-round-robin", "least-utilization", "join-idle-queue", "peak-ewma"));
                case 8 -> "action: set-rate, client: " + (clients.isEmpty() ? "users" : pick(random, clients)) + ", rate: "
                        + pick(random, List.of("0.001/s", "1000/s", "100000/s"));
                default -> "action: set-security-rule, group: " + (groups.isEmpty() ? "lb-sg" : pick(random, groups))
                        + ", inbound: []";
            } + "}");
        }
        return "[" + String.join(", ", events) + "]";
    }

    /** The names of a top-level list's items, read with Jackson from the base scenario. */
    private static List<String> names(String base, String list) {
        try {
            var tree = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(base).get(list);
            List<String> names = new ArrayList<>();
            if (tree != null) tree.forEach(item -> {
                if (item.hasNonNull("name")) {
                    String name = item.get("name").asText();
                    int count = item.hasNonNull("count") ? item.get("count").asInt() : 1;
                    names.add(count > 1 ? name + "-1" : name);
                }
            });
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String deleteLine(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String duplicateLine(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        lines.add(at, lines.get(at));
        return String.join("\n", lines);
    }

    private static String insertLine(String text, SplittableRandom random, String line) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.add(random.nextInt(lines.size() + 1), line);
        return String.join("\n", lines);
    }

    private static String reindent(String text, SplittableRandom random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        lines.set(at, random.nextBoolean() ? " ".repeat(1 + random.nextInt(4)) + line : line.stripLeading());
        return String.join("\n", lines);
    }

    private static byte[] invalidBytes(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        for (int n = 1 + random.nextInt(4); n > 0 && copy.length > 0; n--) {
            copy[random.nextInt(copy.length)] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : 0);
        }
        return copy;
    }

    private static String renameKey(String text, SplittableRandom random) {
        Matcher matcher = KEY.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) spans.add(new int[] {matcher.start(2), matcher.end(2)});
        if (spans.isEmpty()) return text;
        int[] span = spans.get(random.nextInt(spans.size()));
        String key = text.substring(span[0], span[1]);
        String renamed = switch (random.nextInt(5)) {
            case 0 -> key.substring(1);
            case 1 -> key + key.charAt(key.length() - 1);
            case 2 -> key.toUpperCase(java.util.Locale.ROOT);
            case 3 -> "k".repeat(1 + random.nextInt(50_000));
            default -> "\"\"";
        };
        return text.substring(0, span[0]) + renamed + text.substring(span[1]);
    }

    private static String junk(SplittableRandom random) {
        String alphabet = "abc:{}[],-?!&*|>'\"#\n  \t0123456789./é\uD83D\uDE00";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(400);
        while (text.length() < length) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c)) {
                text.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
