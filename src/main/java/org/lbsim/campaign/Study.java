package org.lbsim.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lbsim.experiment.Experiments;

/**
 * What a replicated command asks for, as a campaign file records it: which command, which lbsim,
 * the scenario (its name, the options that changed it, and the digest of every configuration it
 * gives), and how many replications. Two campaign files can be merged, and a file resumed, only
 * when their studies are equal; {@link #differences} says how they are not.
 *
 * @param overrides the options that changed the scenario, as given ({@code --set PATH=VALUE},
 *                  {@code --algorithm NAME}, {@code --seed N}...), for people to read
 */
public record Study(Kind kind, String lbsimVersion, String scenario, List<String> overrides, int replications,
                    List<Member> configurations) {

    /** The command whose output a campaign's report reproduces. */
    public enum Kind {
        RUN, COMPARE, SWEEP;

        public String command() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String command) {
            for (Kind kind : values()) {
                if (kind.command().equals(command)) return kind;
            }
            throw new CampaignException("unknown command '" + command + "' in the study, expected run, compare or sweep");
        }
    }

    /** One configuration: what its summary needs and the digest of its scenario. */
    public record Member(Experiments.Facts facts, String scenarioDigest) {
    }

    public Study {
        overrides = List.copyOf(overrides);
        configurations = List.copyOf(configurations);
        if (replications < 1) throw new IllegalArgumentException("replications must be at least 1, was " + replications);
        if (configurations.isEmpty()) throw new IllegalArgumentException("a study has at least one configuration");
    }

    /** The study of these configurations, each scenario digested. */
    public static Study of(Kind kind, String lbsimVersion, List<String> overrides, int replications,
                           List<Experiments.Configuration> configurations) {
        List<Member> members = configurations.stream()
                .map(c -> new Member(c.facts(), ScenarioDigest.of(c.scenario()))).toList();
        return new Study(kind, lbsimVersion, configurations.get(0).scenario().name(), overrides, replications, members);
    }

    public long runs() {
        return (long) configurations.size() * replications;
    }

    /** The index of a run in the study: configuration by configuration, replication by replication. */
    public long index(Experiments.RunKey key) {
        return (long) key.configuration() * replications + key.replication();
    }

    /** Every run of the study, in index order. */
    public List<Experiments.RunKey> keys() {
        List<Experiments.RunKey> keys = new ArrayList<>();
        for (int c = 0; c < configurations.size(); c++) {
            for (int i = 0; i < replications; i++) keys.add(new Experiments.RunKey(c, i));
        }
        return keys;
    }

    /**
     * How {@code other} differs from this study, each difference a phrase naming both values;
     * empty when they are the same study.
     */
    public List<String> differences(Study other, String thisName, String otherName) {
        List<String> differences = new ArrayList<>();
        differ(differences, "lbsim versions", lbsimVersion, other.lbsimVersion, thisName, otherName);
        differ(differences, "commands", kind.command(), other.kind.command(), thisName, otherName);
        differ(differences, "scenarios", scenario, other.scenario, thisName, otherName);
        differ(differences, "overrides", String.join(" ", overrides), String.join(" ", other.overrides), thisName, otherName);
        differ(differences, "replications", replications, other.replications, thisName, otherName);
        List<String> algorithms = configurations.stream().map(m -> m.facts().algorithm()).toList();
        List<String> otherAlgorithms = other.configurations.stream().map(m -> m.facts().algorithm()).toList();
        differ(differences, "algorithms", String.join(",", algorithms), String.join(",", otherAlgorithms), thisName, otherName);
        List<Map<String, String>> sets = configurations.stream().map(m -> m.facts().set()).toList();
        List<Map<String, String>> otherSets = other.configurations.stream().map(m -> m.facts().set()).toList();
        differ(differences, "swept values", sets, otherSets, thisName, otherName);
        if (differences.isEmpty()) {
            // Same command line, yet another scenario: the file itself was edited (a value, not a comment).
            for (int c = 0; c < configurations.size(); c++) {
                String digest = configurations.get(c).scenarioDigest();
                String otherDigest = other.configurations.get(c).scenarioDigest();
                if (!digest.equals(otherDigest)) {
                    differences.add(String.format("the scenario's content differs under the same name and options "
                            + "(configuration %d, %s: digest %s in %s, %s in %s)", c + 1, describe(configurations.get(c)),
                            digest.substring(0, 12), thisName, otherDigest.substring(0, 12), otherName));
                    break;
                }
            }
        }
        if (differences.isEmpty() && !equals(other)) {
            differences.add("the configurations' warm-up or steady state differ between " + thisName + " and " + otherName);
        }
        return differences;
    }

    /** A configuration as a person names it: its algorithm and its set values. */
    static String describe(Member member) {
        StringBuilder text = new StringBuilder(member.facts().algorithm());
        member.facts().set().forEach((path, value) -> text.append(", ").append(path).append('=').append(value));
        return text.toString();
    }

    private static void differ(List<String> differences, String what, Object mine, Object theirs, String thisName,
                               String otherName) {
        if (!Objects.equals(mine, theirs)) {
            differences.add(String.format("the %s differ (%s in %s, %s in %s)", what, shown(mine), thisName, shown(theirs),
                    otherName));
        }
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        if (value instanceof Number) return text;
        return text.isEmpty() ? "none" : "'" + text + "'";
    }
}
