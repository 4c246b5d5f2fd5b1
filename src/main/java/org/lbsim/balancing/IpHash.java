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
 * <p>Cost: O(1) per decision; O(total weight) when the usable set changes.
 */
final class IpHash implements BalancingAlgorithm {

    private BackendView[] slots = new BackendView[0];

    @Override
    public void updateBackends(List<? extends BackendView> usable) {
        List<BackendView> table = new ArrayList<>();
        for (BackendView backend : usable) {
            for (int i = 0; i < backend.weight(); i++) table.add(backend);
        }
        slots = table.toArray(new BackendView[0]);
    }

    @Override
    public Pick pick(RequestInfo request) {
        if (slots.length == 0) return Pick.NoHealthyBackend.INSTANCE;
        return slots[Integer.remainderUnsigned(Hashing.mix(request.sourceAddress()), slots.length)];
    }
}
