package org.lbsim.balancing;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Join-Idle-Queue: Lu, Xie, Kliot, Geller, Larus and Greenberg, "Join-Idle-Queue: A novel load
 * balancing algorithm for dynamically scalable web services" (Performance 2011). Servers that
 * become idle join the dispatcher's I-queue; a request goes to the first server in the I-queue,
 * which leaves it, or to a usable backend uniformly at random when the I-queue is empty. No
 * load is looked up on the request's path.
 *
 * <p>lbsim has one balancer, so one dispatcher with one I-queue, and every request to a backend
 * passes through it: a backend is idle exactly when the balancer's outstanding count for it
 * drops to 0, and that is when it joins. When the usable set changes, the I-queue is rebuilt
 * from the idle usable backends in random order. Weights do not apply.
 *
 * <p>Cost: O(1) per decision and per answer (the I-queue is a ring buffer; each backend is in
 * it at most once).
 */
final class JoinIdleQueue implements BalancingAlgorithm {

    private final RandomGenerator random;
    private Members members = Members.none();
    private int[] queue = new int[0];
    private boolean[] queued = new boolean[0];
    private int head;
    private int length;

    JoinIdleQueue(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        int n = members.size();
        queue = new int[n];
        queued = new boolean[n];
        head = 0;
        length = 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int member : order) if (members.get(member).outstanding() == 0) join(member);
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = members.size();
        if (n == 0) return Pick.NoHealthyBackend.INSTANCE;
        if (length > 0) {
            int member = queue[head];
            head = head + 1 == queue.length ? 0 : head + 1;
            length--;
            queued[member] = false;
            return members.get(member);
        }
        return members.get(random.nextInt(n));
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        int member = members.positionOf(backend);
        if (member >= 0 && backend.outstanding() == 0 && !queued[member]) join(member);
    }

    private void join(int member) {
        int tail = head + length;
        queue[tail >= queue.length ? tail - queue.length : tail] = member;
        length++;
        queued[member] = true;
    }
}
