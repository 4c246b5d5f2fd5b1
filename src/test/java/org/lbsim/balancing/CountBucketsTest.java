package org.lbsim.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The buckets keep members sorted by count, and the order within the smallest count decides
 * which member a tie-break draw picks: so a run's results depend on exactly how each change
 * moves members. Checked against the plainest statement of that rule, a swap of the member with
 * its bucket's edge, over many random changes.
 */
class CountBucketsTest {

    /** The rule as first written: swap the member with its bucket's edge, then move the edge. */
    private static final class Reference {
        final int[] order;
        final int[] position;
        final int[] count;
        final int[] start;

        Reference(int n, int maxCount) {
            order = new int[n];
            position = new int[n];
            count = new int[n];
            start = new int[maxCount + 2];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                position[i] = i;
            }
            for (int c = 1; c < start.length; c++) start[c] = n;
        }

        void increment(int member) {
            int c = count[member];
            swap(position[member], start[c + 1] - 1);
            start[c + 1]--;
            count[member] = c + 1;
        }

        void decrement(int member) {
            int c = count[member];
            swap(position[member], start[c]);
            start[c]++;
            count[member] = c - 1;
        }

        private void swap(int i, int j) {
            int a = order[i];
            int b = order[j];
            order[i] = b;
            order[j] = a;
            position[b] = i;
            position[a] = j;
        }
    }

    @Test
    void membersMoveExactlyAsBySwappingWithTheBucketsEdge() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n : new int[] {1, 2, 3, 7, 50}) {
            CountBuckets buckets = new CountBuckets(new int[n]);
            Reference reference = new Reference(n, 10_000);
            for (int step = 0; step < 20_000; step++) {
                int member = random.nextInt(n);
                if (reference.count[member] > 0 && random.nextBoolean()) {
                    buckets.decrement(member);
                    reference.decrement(member);
                } else {
                    buckets.increment(member);
                    reference.increment(member);
                }
                int minimum = reference.count[reference.order[0]];
                assertThat(buckets.minimum()).isEqualTo(minimum);
                assertThat(buckets.tiedAtMinimum()).isEqualTo(reference.start[minimum + 1]);
                for (int i = 0; i < n; i++) assertThat(buckets.tiedMember(i)).isEqualTo(reference.order[i]);
            }
        }
    }

    @Test
    void startingCountsGiveTheirMinimumAndItsTies() {
        CountBuckets buckets = new CountBuckets(new int[] {3, 1, 2, 1});
        assertThat(buckets.minimum()).isEqualTo(1);
        assertThat(buckets.tiedAtMinimum()).isEqualTo(2);
        buckets.increment(1);
        buckets.increment(3);
        assertThat(buckets.minimum()).isEqualTo(2);
        assertThat(buckets.tiedAtMinimum()).isEqualTo(3);
        buckets.decrement(0);
        buckets.decrement(0);
        assertThat(buckets.minimum()).isEqualTo(1);
        assertThat(buckets.tiedMember(0)).isEqualTo(0);
    }
}
