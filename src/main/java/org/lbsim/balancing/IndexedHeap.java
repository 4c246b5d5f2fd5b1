package org.lbsim.balancing;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A binary min-heap of members 0..n-1 by a score that changes one member at a time: the minimum
 * in O(1), a change of score in O(log n).
 *
 * <p>Equal scores are ordered by when they were set, oldest first, and the initial order is a
 * random permutation: tied members take turns, so none is favoured by its position. (A random
 * tie key redrawn at each change would not do: the members left in a tie are those whose keys
 * lost, so a member rejoining with a fresh key would be favoured.)
 */
final class IndexedHeap {

    private final int[] heap;
    private final int[] slot;
    private final double[] score;
    /** When each member's score was last set, in changes counted from the start. */
    private final long[] setAt;
    private long changes;

    /** All members start with score 0. */
    IndexedHeap(int size, UniformRandomProvider random) {
        heap = new int[size];
        slot = new int[size];
        score = new double[size];
        setAt = new long[size];
        for (int i = 0; i < size; i++) heap[i] = i;
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }
        // All scores are 0: the heap is ordered by setAt alone, i.e. by this permutation.
        for (int i = 0; i < size; i++) {
            slot[heap[i]] = i;
            setAt[heap[i]] = changes++;
        }
    }

    int size() {
        return heap.length;
    }

    /** The member with the lowest score; call only when there are members. */
    int minimum() {
        return heap[0];
    }

    /**
     * The member with the lowest score other than {@code excluded}: the minimum, or the better of
     * its two children when the minimum is excluded. -1 when there is no other member.
     */
    int minimumExcept(int excluded) {
        int n = heap.length;
        if (n == 0) return -1;
        if (heap[0] != excluded) return heap[0];
        if (n == 1) return -1;
        if (n == 2) return heap[1];
        return less(heap[2], heap[1]) ? heap[2] : heap[1];
    }

    double scoreOf(int member) {
        return score[member];
    }

    void set(int member, double newScore) {
        score[member] = newScore;
        setAt[member] = changes++;
        int at = up(slot[member]);
        down(at);
    }

    private boolean less(int a, int b) {
        return score[a] < score[b] || score[a] == score[b] && setAt[a] < setAt[b];
    }

    private int up(int at) {
        int member = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!less(member, heap[parent])) break;
            place(heap[parent], at);
            at = parent;
        }
        place(member, at);
        return at;
    }

    private void down(int at) {
        int member = heap[at];
        int n = heap.length;
        while (true) {
            int child = 2 * at + 1;
            if (child >= n) break;
            if (child + 1 < n && less(heap[child + 1], heap[child])) child++;
            if (!less(heap[child], member)) break;
            place(heap[child], at);
            at = child;
        }
        place(member, at);
    }

    private void place(int member, int at) {
        heap[at] = member;
        slot[member] = at;
    }
}
