package org.lbsim.report;

import java.util.Locale;

/** Counts in words for the text lbsim prints: "1 health check", "108 health checks". */
public final class Words {

    private Words() {
    }

    /** {@code count} with thousands separated and the noun after it, an "s" added unless the count is one. */
    public static String count(long count, String singular) {
        return count(count, singular, singular + "s");
    }

    /** {@code count} with thousands separated and the noun after it, singular only for a count of one. */
    public static String count(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : plural);
    }
}
