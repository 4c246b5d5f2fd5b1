package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.spec.FailureKind;
import org.lbsim.experiment.AlgorithmRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The key tables of {@code docs/scenario-reference.md} agree with the rules the loader reads keys
 * through: each table lists exactly its map's keys, marks as required exactly the keys that are
 * always required, and gives the default a key declares; the tables of distributions, arrival
 * processes, event actions and failure kinds list exactly the variants, each with its keys.
 */
class ReferenceTablesTest {

    private static final Path REFERENCE = Path.of("docs/scenario-reference.md");

    /** A table of the page: its header cells and its rows of cells, code marks kept. */
    private record Table(List<String> header, List<List<String>> rows) {
        int column(String name) {
            int index = header.indexOf(name);
            assertThat(index).as("a column '%s' in %s", name, header).isNotNegative();
            return index;
        }

        /** The first cell of each row that names a key in code marks, without them. */
        List<String> keys() {
            return rows.stream().map(row -> row.get(0)).filter(cell -> cell.startsWith("`"))
                    .map(ReferenceTablesTest::unquote).toList();
        }

        List<String> row(String key) {
            return rows.stream().filter(row -> unquote(row.get(0)).equals(key)).findFirst().orElseThrow();
        }
    }

    static Stream<Arguments> keyTables() {
        MapRule trace = ArrivalsBinder.ARRIVALS.variants().get("trace");
        return Stream.of(
                Arguments.of("## Top level", 0, ScenarioBinder.TOP, Set.of()),
                Arguments.of("## `clients[]`", 0, ClientsBinder.CLIENT, Set.of()),
                Arguments.of("## `clients[]`", 2, trace, Set.of("process")),
                Arguments.of("## `securityGroups[]`", 0, SecurityGroupsBinder.GROUP, Set.of()),
                Arguments.of("## `securityGroups[]`", 1, SecurityGroupsBinder.RULE, Set.of()),
                Arguments.of("## `networkAcls[]`", 0, NetworkAclBinder.ACL, Set.of()),
                Arguments.of("## `balancer`", 0, BalancerBinder.BALANCER, Set.of()),
                Arguments.of("## `balancer`", 2, PoliciesBinder.OUTLIER_DETECTION, Set.of()),
                Arguments.of("## `balancer`", 3, BalancerBinder.HEALTH_CHECK, Set.of()),
                Arguments.of("## `servers[]`", 0, ServersBinder.SERVER, Set.of()),
                Arguments.of("## `autoscaling`", 0, AutoscalingBinder.AUTOSCALING, Set.of()));
    }

    @ParameterizedTest(name = "{0}, table {1}")
    @MethodSource("keyTables")
    void keyTable_listsTheKeysTheLoaderReads(String heading, int index, MapRule rule, Set<String> notListed)
            throws IOException {
        Table table = tables(heading).get(index);
        List<String> declared = rule.names().stream().filter(name -> !notListed.contains(name)).toList();
        assertThat(table.keys()).as("the keys of %s, table %d", heading, index)
                .containsExactlyInAnyOrderElementsOf(declared);
        int defaults = table.column("default");
        for (Key<?> key : rule.keys()) {
            if (notListed.contains(key.name())) continue;
            String cell = table.row(key.name()).get(defaults);
            if (key.required()) {
                assertThat(cell).as("%s: %s is required", heading, key.name()).isEqualTo("**required**");
            } else {
                assertThat(cell).as("%s: %s is optional", heading, key.name()).isNotEqualTo("**required**");
            }
            if (key.defaultText() != null) {
                assertThat(cell).as("%s: the default of %s", heading, key.name()).contains("`" + key.defaultText() + "`");
            }
        }
    }

    @Test
    void algorithmParameterTable_listsEveryParameterWithItsAlgorithmsAndDefault() throws IOException {
        Table table = tables("## `balancer`").get(1);
        Map<String, Map<String, ParameterRule>> algorithms = AlgorithmRules.rules(Algorithms.standard());
        Set<String> keys = new TreeSet<>();
        algorithms.values().forEach(rules -> keys.addAll(rules.keySet()));
        assertThat(table.keys()).containsExactlyInAnyOrderElementsOf(keys);
        int users = table.column("algorithm");
        int defaults = table.column("default");
        algorithms.forEach((algorithm, rules) -> rules.forEach((key, rule) -> {
            assertThat(table.row(key).get(users)).as("%s is a parameter of %s", key, algorithm).contains("`" + algorithm + "`");
            assertThat(table.row(key).get(defaults)).as("the default of %s", key).isEqualTo("`" + rule.defaultText() + "`");
        }));
    }

    @Test
    void variantTables_listEveryVariantWithItsKeys() throws IOException {
        assertVariants(tables("### Arrival processes").get(0), ArrivalsBinder.ARRIVALS);
        assertVariants(tables("## Distributions").get(0), DistributionBinder.DISTRIBUTION);
        assertVariants(tables("## `events[]`").get(0), EventsBinder.EVENT);
        Table kinds = tables("## `servers[]`").get(1);
        assertThat(kinds.keys()).containsExactlyElementsOf(FailureKind.yamlNames());
        assertThat(kinds.keys()).containsExactlyElementsOf(
                ((ValueRule.Choice) FailureBinder.KIND.rule()).options());
    }

    private static void assertVariants(Table table, ValueRule.Tagged rule) {
        assertThat(table.keys()).as("the variants of %s", rule.tag())
                .containsExactlyElementsOf(rule.variants().keySet());
        int keys = table.column("keys");
        rule.variants().forEach((variant, map) -> {
            for (String key : map.names()) {
                if (key.equals(rule.tag()) || key.equals("at")) continue;
                assertThat(table.row(variant).get(keys)).as("%s %s lists its key %s", rule.tag(), variant, key)
                        .contains("`" + key + "`");
            }
        });
    }

    /** The tables between {@code heading} and the next heading of its level or above. */
    private static List<Table> tables(String heading) throws IOException {
        List<String> lines = Files.readAllLines(REFERENCE);
        int start = lines.indexOf(heading);
        assertThat(start).as("the heading %s in %s", heading, REFERENCE).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        List<Table> tables = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") && line.indexOf(' ') <= level.length() - 1 && line.indexOf(' ') > 0
                    && line.substring(0, line.indexOf(' ')).chars().allMatch(c -> c == '#')) {
                break;
            }
            if (line.startsWith("|")) {
                block.add(line);
            } else if (!block.isEmpty()) {
                tables.add(table(block));
                block = new ArrayList<>();
            }
        }
        if (!block.isEmpty()) tables.add(table(block));
        return tables;
    }

    private static Table table(List<String> lines) {
        List<String> header = cells(lines.get(0));
        List<List<String>> rows = lines.stream().skip(2).map(ReferenceTablesTest::cells).toList();
        return new Table(header, rows);
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0));
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) cells.add(cell.trim());
        return cells;
    }

    /** {@code `web-1`} → {@code web-1}; a cell naming two keys ({@code `from` / `to`}) → the first. */
    private static String unquote(String cell) {
        Set<String> quoted = new LinkedHashSet<>();
        var matcher = java.util.regex.Pattern.compile("`([^`]+)`").matcher(cell);
        while (matcher.find()) quoted.add(matcher.group(1));
        return quoted.isEmpty() ? cell : quoted.iterator().next();
    }
}
