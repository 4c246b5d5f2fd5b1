package org.lbsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void didYouMean_offersTheClosestNameWithinTwoEdits() {
        assertThat(Suggestions.didYouMean("rat", List.of("rate", "process"))).isEqualTo(" (did you mean 'rate'?)");
        assertThat(Suggestions.didYouMean("web-3", List.of("web-1", "app"))).isEqualTo(" (did you mean 'web-1'?)");
        assertThat(Suggestions.didYouMean("colour", List.of("name", "seed"))).isEmpty();
    }

    /** The banded distance agrees with the whole table wherever it is within the limit, and says "over" elsewhere. */
    @Test
    void boundedDistance_agreesWithTheFullLevenshtein() {
        SplittableRandom random = new SplittableRandom(15);
        for (int n = 0; n < 20_000; n++) {
            String a = word(random);
            String b = random.nextInt(3) == 0 ? word(random) : mutate(a, random);
            int full = levenshtein(a, b);
            for (int limit = 0; limit <= 4; limit++) {
                assertThat(Suggestions.distance(a, b, limit)).as("'%s' '%s' limit %d", a, b, limit)
                        .isEqualTo(Math.min(full, limit + 1));
            }
        }
    }

    /**
     * Issue 15: a 100,000-character server name and a 100,000-character dangling target took
     * about a minute to validate, the suggestion computing a full 10^10-cell table.
     */
    @Test
    void aLongNameAndALongDanglingTarget_areComparedAtOnce() {
        String name = "s".repeat(100_000);
        String target = "t".repeat(100_000);
        String text = "duration: 10s\nclients:\n  - name: users\n    arrivals: {process: poisson, rate: 10/s}\n"
                + "    service: {distribution: exponential, mean: 20ms}\n    target: " + target + "\n"
                + "servers:\n  - name: " + name + "\n";
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> org.assertj.core.api.Assertions
                .catchThrowableOfType(ScenarioException.class, () -> Fixtures.LOADER.parse(text, "long.yaml", List.of())));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("long.yaml:6:13");
            assertThat(p.message()).startsWith("clients[0].target: found 'tttt")
                    .contains("...' (100,000 characters), expected 'balancer' or the name of a server (defined: ssss")
                    .hasSizeLessThan(400);
        });
        long start = System.nanoTime();
        assertThat(Suggestions.distance(name, target, 2)).isEqualTo(3);
        assertThat(Suggestions.distance(name, name + "x", 2)).isEqualTo(1);
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(1).toNanos());
    }

    private static String word(SplittableRandom random) {
        StringBuilder word = new StringBuilder();
        int length = random.nextInt(9);
        for (int i = 0; i < length; i++) word.append((char) ('a' + random.nextInt(3)));
        return word.toString();
    }

    private static String mutate(String word, SplittableRandom random) {
        StringBuilder text = new StringBuilder(word);
        for (int edits = random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, (char) ('a' + random.nextInt(3)));
                case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
                default -> { if (at < text.length()) text.setCharAt(at, (char) ('a' + random.nextInt(3))); }
            }
        }
        return text.toString();
    }

    private static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = Math.min(d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                        Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
