package org.lbsim.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.lbsim.cluster.spec.Scenario;

/**
 * What identifies a scenario in a campaign: the SHA-256 of its canonical form, the validated
 * records it loads into after every {@code --set}, written out field by field. Comments, the
 * order of keys, blank lines and units ({@code 5min} or {@code 300s}) do not change it; any value
 * that changes what is simulated does, the seed included.
 */
public final class ScenarioDigest {

    private ScenarioDigest() {
    }

    /**
     * The canonical form: the records' own text. Every type a scenario holds is a record, a list,
     * an enum or a number, so the text names every field with its value, the same in every
     * process (doubles print as the shortest decimal that reads back to them).
     */
    public static String canonical(Scenario scenario) {
        return scenario.toString();
    }

    public static String of(Scenario scenario) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical(scenario).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
