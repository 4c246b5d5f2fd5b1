package org.lbsim.campaign;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Share K of N of a study's runs: those whose index in the study (configuration by configuration,
 * replication by replication) leaves K − 1 when divided by N. N processes with K = 1..N do every
 * run once, and each does about as many of every configuration.
 */
public record Shard(int index, int count) {

    /** The whole study. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 ≤ K ≤ N, was " + index + "/" + count);
        }
    }

    /** Reads {@code K/N}; a message for people when it is not one. */
    public static Shard parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            int count = Integer.parseInt(matcher.group(2));
            if (count >= 1 && index >= 1 && index <= count) return new Shard(index, count);
        }
        throw new CampaignException("--shard: found '" + text + "', expected K/N with 1 ≤ K ≤ N, such as 1/4 for the first "
                + "of four shards");
    }

    /** Whether the run at this index of the study is in this shard. */
    public boolean includes(long runIndex) {
        return runIndex % count == index - 1;
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
