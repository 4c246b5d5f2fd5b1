package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.lbsim.experiment.PairedDifference;
import org.lbsim.experiment.PairedDifference.Outcomes;

/** The comparison's headline names, for each figure, the algorithm that did better, and says so once when one did better at both. */
class DifferenceTextTest {

    private final Messages english = messages(Locale.ENGLISH);

    private static Messages messages(Locale locale) {
        Messages messages = new Messages();
        messages.localeProperty().set(locale);
        return messages;
    }

    private static Outcomes side(String algorithm, long failedRequests, double meanLatency) {
        return new Outcomes(algorithm, 10_000, 10_000 - failedRequests, 0, failedRequests, 0, failedRequests, meanLatency, 2 * meanLatency);
    }

    @Test
    void oneAlgorithmBetterAtBothIsNamedOnce() {
        var difference = new PairedDifference(side("round-robin", 2_700, 0.9), side("least-connections", 23, 0.054));
        assertThat(DifferenceText.describe(english, difference, 10))
                .isEqualTo("least-connections: 2,677 fewer errors, mean latency 846 ms lower"
                        + " (same requests on both sides, since the warm-up ended at 10 s)");
    }

    @Test
    void eachFigureNamesItsOwnBetterAlgorithm() {
        var difference = new PairedDifference(side("random", 40, 0.020), side("ip-hash", 50, 0.030));
        assertThat(DifferenceText.describe(english, difference, 60))
                .startsWith("random: 10 fewer errors, mean latency 10 ms lower");
        var split = new PairedDifference(side("random", 40, 0.030), side("ip-hash", 50, 0.020));
        assertThat(DifferenceText.describe(english, split, 60)).startsWith("random: 10 fewer errors · ip-hash: mean latency 10 ms lower");
    }

    @Test
    void identicalOutcomesSayTheSame() {
        var difference = new PairedDifference(side("round-robin", 5, 0.02), side("round-robin", 5, 0.02));
        assertThat(DifferenceText.describe(english, difference, 0)).startsWith("the same number of errors · the same mean latency");
    }

    @Test
    void theHeadlineFollowsTheLanguage() {
        var difference = new PairedDifference(side("round-robin", 2_700, 0.9), side("least-connections", 23, 0.054));
        assertThat(DifferenceText.describe(messages(Messages.PORTUGUESE), difference, 10))
                .startsWith("least-connections: 2.677 erros a menos, latência média 846 ms menor");
    }
}
