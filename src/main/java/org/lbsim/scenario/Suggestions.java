package org.lbsim.scenario;

import java.util.Collection;

/** "Did you mean" hints for misspelt keys and names, in scenario files and on the command line. */
public final class Suggestions {

    /** Edits allowed between what was written and a suggestion; more would suggest nonsense. */
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    /** {@code " (did you mean 'rate'?)"}, or an empty string when nothing is close enough. */
    public static String didYouMean(String found, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String candidate : candidates) {
            int distance = distance(found, candidate, bestDistance - 1);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : " (did you mean " + Fields.quote(best) + "?)";
    }

    /**
     * The Levenshtein distance (insertions, deletions and substitutions, each costing one) when it
     * is at most {@code limit}, else {@code limit + 1}. Only the band of cells within {@code limit}
     * of the diagonal can hold such a distance, so this takes time proportional to the shorter
     * text times the band's width, and none when the lengths alone differ by more: a name of
     * 100,000 characters compared with another costs what a short one does, not 10^10 steps.
     */
    static int distance(String a, String b, int limit) {
        if (limit < 0) return 0;
        if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
        int over = limit + 1;
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = Math.min(j, over);
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(b.length(), i + limit);
            current[from - 1] = from == 1 ? Math.min(i, over) : over;
            int rowMinimum = current[from - 1];
            for (int j = from; j <= to; j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                int above = j <= i - 1 + limit ? previous[j] : over;
                int value = Math.min(over, Math.min(substitution, Math.min(above, current[j - 1]) + 1));
                current[j] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (to < b.length()) current[to + 1] = over;
            if (rowMinimum > limit) return over;
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
