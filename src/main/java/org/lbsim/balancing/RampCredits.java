package org.lbsim.balancing;

/**
 * Slow start in a rotation (round robin, smooth weighted round robin). At every decision each
 * backend in slow start earns its ramped share of that decision, w·f ÷ (the steady backends'
 * weight + Σ w·f over those in slow start), w its weight and f its
 * {@link BackendView#slowStartFactor()}; when its credit reaches 1 it takes the decision and pays
 * 1. So it gets its ramped share of the requests, its turns spread out as smooth weighted round
 * robin spreads them, while the steady backends keep their own rotation. O(r) per decision for
 * r backends in slow start.
 */
final class RampCredits {

    private final Members members;
    private final Ramping ramping;
    private final boolean weighted;
    private final double steadyWeight;
    private final double[] credit;

    /**
     * @param weighted     whether weights count (smooth weighted round robin), or every backend
     *                     weighs 1 (round robin)
     * @param steadyWeight the total weight of the backends not in slow start
     */
    RampCredits(Members members, Ramping ramping, boolean weighted, double steadyWeight) {
        this.members = members;
        this.ramping = ramping;
        this.weighted = weighted;
        this.steadyWeight = steadyWeight;
        this.credit = new double[ramping.size()];
    }

    private double weight(int k) {
        return weighted ? members.get(ramping.position(k)).weight() : 1;
    }

    /** The k-th ramping backend's ramped weight now. */
    private double ramped(int k) {
        return weight(k) * members.get(ramping.position(k)).slowStartFactor();
    }

    private double total() {
        double total = steadyWeight;
        for (int k = 0; k < credit.length; k++) total += ramped(k);
        return total;
    }

    /**
     * The position of the backend in slow start that takes this decision, other than
     * {@code avoided}: the one with the most credit once this decision's share is added, if that
     * reaches 1; else -1.
     */
    int due(int avoided) {
        return most(avoided, 1);
    }

    /**
     * The position of the backend in slow start with the most credit once this decision's share
     * is added, other than {@code avoided}, for a decision no steady backend can take; -1 when
     * none has weight.
     */
    int any(int avoided) {
        return most(avoided, Double.NEGATIVE_INFINITY);
    }

    private int most(int avoided, double atLeast) {
        double total = total();
        if (!(total > 0)) return -1;
        int best = -1;
        double bestCredit = atLeast;
        for (int k = 0; k < credit.length; k++) {
            int position = ramping.position(k);
            if (position == avoided || weight(k) == 0) continue;
            double c = credit[k] + ramped(k) / total;
            if (c >= bestCredit && (best < 0 || c > bestCredit)) {
                best = position;
                bestCredit = c;
            }
        }
        return best;
    }

    /** A decision was taken by the backend at {@code chosen}: each in slow start earns its share, the chosen one pays 1. */
    void commit(int chosen) {
        double total = total();
        if (!(total > 0)) return;
        for (int k = 0; k < credit.length; k++) {
            credit[k] += ramped(k) / total;
            if (ramping.position(k) == chosen) credit[k] -= 1;
        }
    }
}
