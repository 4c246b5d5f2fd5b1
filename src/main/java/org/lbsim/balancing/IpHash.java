package org.lbsim.balancing;

import java.util.ArrayList;
import java.util.List;

/**
 * The client's source address hashed onto the usable backends, each present as many times as its
 * weight: HAProxy {@code balance source} with its default {@code hash-type map-based} ("the
 * source IP address is hashed and divided by the total weight of the running servers"). A
 * source stays on one backend while the usable set stays the same; when it changes, most
 * sources move (see {@code consistent-hash} for the remedy). NGINX {@code ip_hash} differs in
 * hashing only the first three octets and in rehashing past a down server. Backends of weight 0
 * get nothing.
 *
 * <p>A retry hashes the source over the others, as if the avoided backend were not usable. Slow
 * start does not apply: HAProxy ramps only dynamic algorithms, and NGINX refuses
 * {@code slow_start} with {@code ip_hash}.
 *
 * <p>Cost: O(1) per decision; O(total weight) when the usable set changes.
 */
final class IpHash implements BalancingAlgorithm {

    private Members members = Members.none();
    private BackendView[] slots = new BackendView[0];
    /** By position: the first of its slots (its slots are contiguous, as many as its weight). */
    private int[] firstSlot = new int[0];

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        members = new Members(usable);
        firstSlot = new int[members.size()];
        List<BackendView> table = new ArrayList<>();
        for (int position = 0; position < members.size(); position++) {
            BackendView backend = members.get(position);
            firstSlot[position] = table.size();
            for (int i = 0; i < backend.weight(); i++) table.add(backend);
        }
        slots = table.toArray(new BackendView[0]);
    }

    @Override
    public Pick pick(RequestInfo request) {
        if (slots.length == 0) return Pick.NoHealthyBackend.INSTANCE;
        int hash = Hashing.mix(request.sourceAddress());
        int avoided = members.positionOfId(request.avoid());
        int width = avoided < 0 ? 0 : members.get(avoided).weight();
        if (width == 0) return slots[Integer.remainderUnsigned(hash, slots.length)];
        if (width == slots.length) return Pick.NoOtherBackend.INSTANCE;
        int slot = Integer.remainderUnsigned(hash, slots.length - width);
        return slots[slot >= firstSlot[avoided] ? slot + width : slot];
    }

    @Override
    public boolean slowStartApplies() {
        return false;
    }
}
