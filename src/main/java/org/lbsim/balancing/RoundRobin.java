package org.lbsim.balancing;

import java.util.Arrays;
import java.util.List;

/**
 * Each usable backend in turn. The default of AWS ALB target groups
 * ({@code load_balancing.algorithm.type=round_robin}), NGINX (no directive) and HAProxy
 * ({@code balance roundrobin}, without weights). O(1) per decision.
 *
 * <p>When the usable set changes the rotation carries on from the same position, so a backend
 * leaving does not send a burst to its neighbour. A retry skips the backend it avoids: the next
 * one in turn takes it. A backend in slow start leaves the rotation and takes a turn each time
 * its credit reaches one (see {@link RampCredits}): its share is f ÷ (n − r + Σ f), as the
 * smooth round robin of NGINX with its {@code slow_start} weight; O(r) per decision while r
 * backends are in slow start.
 */
final class RoundRobin implements BalancingAlgorithm {

    private Members members = Members.none();
    /** The positions of the backends not in slow start, in order: the rotation. */
    private int[] rotation = new int[0];
    /** By position: its index in the rotation, or -1 while in slow start. */
    private int[] inRotation = new int[0];
    /** The index in the rotation of the backend whose turn it is. */
    private int next;
    /** Null when no backend is in slow start. */
    private RampCredits credits;

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        Ramping ramping = Ramping.of(members);
        int n = members.size();
        rotation = new int[n - ramping.size()];
        inRotation = new int[n];
        Arrays.fill(inRotation, -1);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (ramping.contains(i)) continue;
            inRotation[i] = k;
            rotation[k++] = i;
        }
        next = rotation.length == 0 ? 0 : next % rotation.length;
        credits = ramping.isEmpty() ? null : new RampCredits(members, ramping, false, rotation.length);
    }

    @Override
    public Pick pick(RequestInfo request) {
        int n = rotation.length;
        int avoid = request.avoid();
        if (avoid < 0 && credits == null) {
            return n == 0 ? Pick.NoHealthyBackend.INSTANCE : members.get(rotation[next]);
        }
        int avoided = members.positionOfId(avoid);
        if (credits != null) {
            int due = credits.due(avoided);
            if (due >= 0) return members.get(due);
        }
        if (n > 0 && rotation[next] != avoided) return members.get(rotation[next]);
        if (n > 1) return members.get(rotation[next + 1 == n ? 0 : next + 1]);
        int ramping = credits == null ? -1 : credits.any(avoided);
        if (ramping >= 0) return members.get(ramping);
        return avoided >= 0 ? Pick.NoOtherBackend.INSTANCE : Pick.NoHealthyBackend.INSTANCE;
    }

    @Override
    public void onPicked(BackendView backend) {
        int position = members.positionOf(backend);
        if (position < 0) return;
        if (credits != null) credits.commit(position);
        int k = inRotation[position];
        if (k >= 0) next = k + 1 == rotation.length ? 0 : k + 1;
    }
}
