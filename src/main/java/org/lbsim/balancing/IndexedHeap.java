package org.lbsim.balancing;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A binary min-heap of members 0..n-1 by a score that changes one member at a time: the minimum
 * in O(1), a change of score in O(log n).
 *
 * <p>Each change also draws a fresh random tie key for the member, and equal scores are ordered
 * by it, so a tie is won by a member chosen at random rather than by its position.
 */
final class IndexedHeap {

    private final RandomGenerator random;
    private final int[] heap;
    private final int[] slot;
    private final double[] score;
    private final double[] tie;

    /** All members start with score 0. */
    IndexedHeap(int size, RandomGenerator random) {
        this.random = random;
        heap = new int[size];
        slot = new int[size];
        score = new double[size];
        tie = new double[size];
        for (int i = 0; i < size; i++) {
            heap[i] = i;
            slot[i] = i;
            tie[i] = random.nextDouble();
        }
        for (int i = size / 2 - 1; i >= 0; i--) down(i);
    }

    int size() {
        return heap.length;
    }

    /** The member with the lowest score; call only when there are members. */
    int minimum() {
        return heap[0];
    }

    double scoreOf(int member) {
        return score[member];
    }

    void set(int member, double newScore) {
        score[member] = newScore;
        tie[member] = random.nextDouble();
        int at = up(slot[member]);
        down(at);
    }

    private boolean less(int a, int b) {
        return score[a] < score[b] || score[a] == score[b] && tie[a] < tie[b];
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
