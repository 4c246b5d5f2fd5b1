package org.lbsim.balancing;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Members 0..n-1 kept in order of a non-negative count (outstanding requests) that changes by
 * one at a time: the members with the smallest count, and a uniform choice among them, in O(1);
 * a count's increment or decrement in O(1).
 *
 * <p>The members sit in one array sorted by count, each count's members in a contiguous bucket;
 * moving a member to the next bucket swaps it with its bucket's edge and moves that edge. The
 * same idea as the O(1) LFU cache (Shah, Mitra and Matani, 2010).
 */
final class CountBuckets {

    private final int[] order;
    private final int[] position;
    private final int[] count;
    /** {@code start[c]}: index in {@code order} of the first member whose count is at least c. */
    private int[] start;
    /**
     * The smallest count (0 without members), kept as counts change: a pick reads it instead
     * of {@code count[order[0]]}, two dependent loads less before the pick is known.
     */
    private int minimum;

    /** @param counts each member's count now */
    CountBuckets(int[] counts) {
        int n = counts.length;
        count = counts.clone();
        int max = 0;
        for (int c : count) max = Math.max(max, c);
        start = new int[max + 2];
        int[] perCount = new int[max + 1];
        for (int c : count) perCount[c]++;
        for (int c = 1; c < start.length; c++) start[c] = start[c - 1] + perCount[c - 1];
        order = new int[n];
        position = new int[n];
        int[] next = Arrays.copyOf(start, max + 1);
        for (int member = 0; member < n; member++) {
            int at = next[count[member]]++;
            order[at] = member;
            position[member] = at;
        }
        minimum = n == 0 ? 0 : count[order[0]];
    }

    int size() {
        return order.length;
    }

    /** The smallest count; call only when there are members. */
    int minimum() {
        return minimum;
    }

    /** How many members have the smallest count. */
    int tiedAtMinimum() {
        return start[minimum() + 1];
    }

    /** A member with the smallest count, uniformly at random. */
    int pickMinimum(UniformRandomProvider random) {
        int ties = tiedAtMinimum();
        return order[ties == 1 ? 0 : random.nextInt(ties)];
    }

    /** The {@code i}-th of the members tied at the minimum, {@code 0 <= i < tiedAtMinimum()}. */
    int tiedMember(int i) {
        return order[i];
    }

    /*
     * The same three questions with one member left out (a retry's avoided backend): the
     * smallest count among the others, how many of them have it, and the i-th of those. When the
     * member left out is the only one at the minimum, the others' minimum is the next count up,
     * whose members follow it in the order. Call only when some other member exists.
     */

    /** The smallest count among the members other than {@code excluded} (-1: none excluded). */
    int minimumExcept(int excluded) {
        return soleMinimum(excluded) ? count[order[1]] : minimum;
    }

    /** How many members other than {@code excluded} have that smallest count. */
    int tiedAtMinimumExcept(int excluded) {
        if (excluded < 0 || position[excluded] >= tiedAtMinimum()) return tiedAtMinimum();
        if (soleMinimum(excluded)) return start[count[order[1]] + 1] - 1;
        return tiedAtMinimum() - 1;
    }

    /** The {@code i}-th of the members other than {@code excluded} tied at their smallest count. */
    int tiedMemberExcept(int i, int excluded) {
        if (excluded < 0) return order[i];
        int at = position[excluded];
        return order[i >= at ? i + 1 : i];
    }

    /** Whether {@code excluded} is the one member at the minimum. */
    private boolean soleMinimum(int excluded) {
        return excluded >= 0 && tiedAtMinimum() == 1 && position[excluded] == 0;
    }

    void increment(int member) {
        int c = count[member];
        if (c + 2 >= start.length) {
            int old = start.length;
            start = Arrays.copyOf(start, old * 2);
            Arrays.fill(start, old, start.length, order.length);
        }
        // The member moves to its bucket's last place, which then becomes the next bucket's first.
        int edge = --start[c + 1];
        swapWith(member, edge);
        count[member] = c + 1;
        if (c == minimum && edge == 0) minimum = c + 1; // it was the last at the minimum
    }

    void decrement(int member) {
        int c = count[member];
        if (c == 0) throw new IllegalStateException("count below zero for member " + member);
        // The member moves to its bucket's first place, which then becomes the previous bucket's last.
        int edge = start[c]++;
        swapWith(member, edge);
        count[member] = c - 1;
        if (c == minimum) minimum = c - 1;
    }

    /** Swaps {@code member} with whoever is at {@code at} in the order (itself, possibly). */
    private void swapWith(int member, int at) {
        int from = position[member];
        int other = order[at];
        order[from] = other;
        order[at] = member;
        position[other] = from;
        position[member] = at;
    }
}
