package org.lbsim.cluster;

import java.util.List;
import org.lbsim.cluster.spec.Protocol;

/**
 * What the balancer lets in before it picks a backend: the network ACL of its subnet and then
 * its security group must let the client's request in, the ACL must let the answer out to the
 * client's port, and a listener must be on the request's port. A request refused here ends
 * here, in the ledger, as its client sees it.
 */
final class Admission {

    /** The network ACL of the balancer's subnet, or null for the default (allow all). */
    private final NetworkAcl acl;
    /** The balancer's security group, or null for none (allow all). */
    private final SecurityGroup group;
    private final int[] listeners;
    private final RequestLedger ledger;

    Admission(NetworkAcl acl, SecurityGroup group, List<Integer> listeners, RequestLedger ledger) {
        this.acl = acl;
        this.group = group;
        this.listeners = listeners.stream().mapToInt(Integer::intValue).toArray();
        this.ledger = ledger;
    }

    /** Whether the request gets to the balancer; if not, the ledger has its outcome. */
    boolean admits(Request request, Protocol protocol, int port) {
        if (acl != null && !acl.allowsIn(protocol, port, request.from(), true)
                || group != null && !group.admits(protocol, port, request.from(), null)) {
            ledger.deny(request);
            return false;
        }
        if (acl != null && !acl.allowsOut(protocol, request.clientPort, request.from(), true)) {
            ledger.unanswered(request);
            return false;
        }
        if (protocol != Protocol.TCP || !listensOn(port)) {
            ledger.reject(request); // connection refused: nothing listens there
            return false;
        }
        return true;
    }

    private boolean listensOn(int port) {
        for (int listener : listeners) if (listener == port) return true;
        return false;
    }
}
