package org.lbsim.balancing;

import java.util.ArrayList;
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
 */
final class WeightedRoundRobin implements BalancingAlgorithm {

    private WeightClass[] classes = new WeightClass[0];
    private long total;
    /** Requests chosen since the current weights were last zero. */
    private long step;

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
        Map<Integer, List<Integer>> byWeight = new LinkedHashMap<>();
        total = 0;
        for (int i = 0; i < usable.size(); i++) {
            int weight = usable.get(i).weight();
            if (weight > 0) {
                byWeight.computeIfAbsent(weight, w -> new ArrayList<>()).add(i);
                total += weight;
            }
        }
        List<WeightClass> built = new ArrayList<>();
        byWeight.forEach((weight, positions) -> built.add(new WeightClass(weight,
                positions.stream().map(usable::get).toArray(BackendView[]::new),
                positions.stream().mapToInt(Integer::intValue).toArray())));
        classes = built.toArray(new WeightClass[0]);
        step = 0;
    }

    @Override
    public Pick pick(RequestInfo request) {
        if (classes.length == 0) return Pick.NoHealthyBackend.INSTANCE;
        step++;
        WeightClass best = null;
        long bestCurrent = 0;
        for (WeightClass c : classes) {
            long current = step * c.weight - c.rounds * total;
            if (best == null || current > bestCurrent
                    || current == bestCurrent && c.positions[c.next] < best.positions[best.next]) {
                best = c;
                bestCurrent = current;
            }
        }
        BackendView chosen = best.backends[best.next];
        if (++best.next == best.backends.length) {
            best.next = 0;
            best.rounds++;
        }
        if (step == total) {
            // Every backend has had exactly its weight's turns: all current weights are zero again.
            step = 0;
            for (WeightClass c : classes) c.rounds = 0;
        }
        return chosen;
    }
}
