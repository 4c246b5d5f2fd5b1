package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooth weighted round robin, exactly as NGINX's default upstream balancing with
 * {@code server ... weight=N} (ngx_http_upstream_round_robin.c, Maxim Dounin's 2012 change):
 * at each request every backend's current weight grows by its weight, the backend with the
 * largest current weight is chosen (the first in configuration order on a tie) and its current
 * weight drops by the total. Weights 5, 1, 1 give a, a, b, a, c, a, a: the heaviest backend's
 * turns are spread out instead of coming in a burst. Backends of weight 0 get nothing.
 *
 * <p>NGINX scans every backend per request. lbsim gets the same sequence in O(w) per decision,
 * w the number of distinct weights: after t requests a backend chosen k times has current weight
 * t·weight − k·total, so among backends of equal weight the one chosen least (first in order on
 * a tie) leads, and backends of one weight simply take turns. Only the leader of each weight
 * class competes. When the usable set changes the current weights start again from zero, where
 * NGINX would keep those of the backends that stay; NGINX's {@code effective_weight}, lowered
 * after failed attempts, is not modelled.
 *
 * <p>A retry skips the backend it avoids: the next of its class, or the leader of the next
 * class, takes the turn (and the avoided one has it later). A backend in slow start leaves the
 * rotation and takes a turn each time its credit reaches one (see {@link RampCredits}): its
 * share is weight·f ÷ (the others' weight + Σ weight·f), as NGINX's smooth round robin with the
 * weight {@code slow_start} ramps; O(w + r) per decision while r backends are in slow start.
 */
final class WeightedRoundRobin implements BalancingAlgorithm {

    private Members members = Members.none();
    private WeightClass[] classes = new WeightClass[0];
    /** By position: its weight class, or -1 (weight 0, or in slow start); and its index in the class. */
    private int[] classOf = new int[0];
    private int[] indexInClass = new int[0];
    private long total;
    /** Requests chosen since the current weights were last zero. */
    private long step;
    /** Null when no backend is in slow start. */
    private RampCredits credits;

    /** The usable backends of one weight, taking turns among themselves. */
    private static final class WeightClass {
        final long weight;
        final BackendView[] backends;
        final int[] positions;
        int next;
        /** Turns completed: the backends before {@code next} were chosen {@code rounds + 1} times, the others {@code rounds}. */
        long rounds;

        WeightClass(long weight, BackendView[] backends, int[] positions) {
            this.weight = weight;
            this.backends = backends;
            this.positions = positions;
        }
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        Ramping ramping = Ramping.of(members);
        Map<Integer, List<Integer>> byWeight = new LinkedHashMap<>();
        total = 0;
        for (int i = 0; i < members.size(); i++) {
            int weight = members.get(i).weight();
            if (weight > 0 && !ramping.contains(i)) {
                byWeight.computeIfAbsent(weight, w -> new ArrayList<>()).add(i);
                total += weight;
            }
        }
        classOf = new int[members.size()];
        indexInClass = new int[members.size()];
        Arrays.fill(classOf, -1);
        List<WeightClass> built = new ArrayList<>();
        byWeight.forEach((weight, positions) -> {
            for (int k = 0; k < positions.size(); k++) {
                classOf[positions.get(k)] = built.size();
                indexInClass[positions.get(k)] = k;
            }
            built.add(new WeightClass(weight, positions.stream().map(members::get).toArray(BackendView[]::new),
                    positions.stream().mapToInt(Integer::intValue).toArray()));
        });
        classes = built.toArray(new WeightClass[0]);
        step = 0;
        credits = ramping.isEmpty() ? null : new RampCredits(members, ramping, true, total);
    }

    @Override
    public Pick pick(RequestInfo request) {
        int avoid = request.avoid();
        if (avoid < 0 && credits == null) {
            WeightClass best = leader(null);
            return best == null ? Pick.NoHealthyBackend.INSTANCE : best.backends[best.next];
        }
        int avoided = members.positionOfId(avoid);
        if (credits != null) {
            int due = credits.due(avoided);
            if (due >= 0) return members.get(due);
        }
        WeightClass best = leader(null);
        if (best != null) {
            if (best.positions[best.next] != avoided) return best.backends[best.next];
            if (best.backends.length > 1) return best.backends[best.next + 1 == best.backends.length ? 0 : best.next + 1];
            WeightClass second = leader(best);
            if (second != null) return second.backends[second.next];
        }
        int ramping = credits == null ? -1 : credits.any(avoided);
        if (ramping >= 0) return members.get(ramping);
        boolean avoidedCounts = avoided >= 0 && members.get(avoided).weight() > 0;
        return avoidedCounts ? Pick.NoOtherBackend.INSTANCE : Pick.NoHealthyBackend.INSTANCE;
    }

    /** The class whose leader has the largest current weight at the next step, other than {@code excluded}; null if none. */
    private WeightClass leader(WeightClass excluded) {
        long nextStep = step + 1;
        WeightClass best = null;
        long bestCurrent = 0;
        for (WeightClass c : classes) {
            if (c == excluded) continue;
            long current = nextStep * c.weight - c.rounds * total;
            if (best == null || current > bestCurrent
                    || current == bestCurrent && c.positions[c.next] < best.positions[best.next]) {
                best = c;
                bestCurrent = current;
            }
        }
        return best;
    }

    @Override
    public void onPicked(BackendView backend) {
        int position = members.positionOf(backend);
        if (position < 0) return;
        if (credits != null) credits.commit(position);
        if (classOf[position] < 0) return; // in slow start: the rotation waits
        WeightClass chosen = classes[classOf[position]];
        int index = indexInClass[position];
        // A retry took the turn of the backend it avoided: they swap places, the avoided one goes next.
        if (index != chosen.next) swap(chosen, index, chosen.next);
        step++;
        if (++chosen.next == chosen.backends.length) {
            chosen.next = 0;
            chosen.rounds++;
        }
        if (step == total) {
            // Every backend has had exactly its weight's turns: all current weights are zero again.
            step = 0;
            for (WeightClass c : classes) c.rounds = 0;
        }
    }

    private void swap(WeightClass c, int i, int j) {
        BackendView backend = c.backends[i];
        c.backends[i] = c.backends[j];
        c.backends[j] = backend;
        int position = c.positions[i];
        c.positions[i] = c.positions[j];
        c.positions[j] = position;
        indexInClass[c.positions[i]] = i;
        indexInClass[c.positions[j]] = j;
    }
}
