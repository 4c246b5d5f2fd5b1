package org.lbsim.balancing;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Join-Idle-Queue: Lu, Xie, Kliot, Geller, Larus and Greenberg, "Join-Idle-Queue: A novel load
 * balancing algorithm for dynamically scalable web services" (Performance 2011). Servers that
 * become idle join the dispatcher's I-queue; a request goes to the first server in the I-queue,
 * which leaves it, or to a usable backend uniformly at random when the I-queue is empty. No
 * load is looked up on the request's path.
 *
 * <p>lbsim has one balancer, so one dispatcher with one I-queue, and every request to a backend
 * passes through it: a backend is idle exactly when the balancer's outstanding count for it
 * drops to 0, and that is when it joins; it leaves when a request is dispatched to it, whoever
 * chose it (the I-queue, the random fallback, or a sticky session). When the usable set changes,
 * the I-queue is rebuilt from the idle usable backends in random order. Weights do not apply,
 * and neither does slow start: an idle backend is what the I-queue is for. A retry takes the
 * first idle backend other than the one it avoids, else one of the others at random.
 *
 * <p>Cost: O(1) per decision, dispatch and answer (the I-queue is a doubly linked list through
 * the backends' positions; each backend is in it at most once).
 */
final class JoinIdleQueue implements BalancingAlgorithm {

    private static final int NONE = -1;

    private final UniformRandomProvider random;
    private Members members = Members.none();
    /** The I-queue, oldest first: its ends, and each queued position's neighbours. */
    private int head = NONE;
    private int tail = NONE;
    private int[] next = new int[0];
    private int[] previous = new int[0];
    private boolean[] queued = new boolean[0];

    JoinIdleQueue(UniformRandomProvider random) {
        this.random = random;
    }

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        int n = members.size();
        next = new int[n];
        previous = new int[n];
        queued = new boolean[n];
        Arrays.fill(next, NONE);
        Arrays.fill(previous, NONE);
        head = NONE;
        tail = NONE;
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
        int avoided = members.positionOfId(request.avoid());
        int idle = head;
        if (idle != NONE && idle == avoided) idle = next[idle];
        if (idle != NONE) return members.get(idle);
        if (avoided < 0) return members.get(random.nextInt(n));
        if (n == 1) return Pick.NoOtherBackend.INSTANCE;
        int other = random.nextInt(n - 1);
        return members.get(other >= avoided ? other + 1 : other);
    }

    @Override
    public void onDispatched(BackendView backend) {
        int member = members.positionOf(backend);
        if (member >= 0 && queued[member]) leave(member);
    }

    @Override
    public void onFinished(BackendView backend, double latencySeconds) {
        int member = members.positionOf(backend);
        if (member >= 0 && backend.outstanding() == 0 && !queued[member]) join(member);
    }

    @Override
    public boolean slowStartApplies() {
        return false;
    }

    private void join(int member) {
        previous[member] = tail;
        next[member] = NONE;
        if (tail == NONE) head = member;
        else next[tail] = member;
        tail = member;
        queued[member] = true;
    }

    private void leave(int member) {
        int before = previous[member];
        int after = next[member];
        if (before == NONE) head = after;
        else next[before] = after;
        if (after == NONE) tail = before;
        else previous[after] = before;
        queued[member] = false;
    }
}
