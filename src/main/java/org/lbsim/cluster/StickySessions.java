package org.lbsim.cluster;

import java.util.Iterator;
import java.util.LinkedHashMap;
import org.lbsim.balancing.Pick;
import org.lbsim.cluster.spec.BalancerPolicies.StickinessSpec;
import org.lbsim.metrics.SessionResult;

/**
 * The balancer's sticky-session cookies: which instance each live session is pinned to, and
 * until when. A session whose cookie is valid goes to its instance while that is available;
 * otherwise the algorithm picks one and the session is pinned (started) or re-pinned (broken).
 *
 * <p>Memory stays bounded by the sessions active within one {@code duration}, however long the
 * run: pins are kept in last-use order, and the expired ones at the front are dropped as new
 * sessions come.
 */
final class StickySessions {

    /** Where a session goes and until when its cookie is valid. */
    private static final class Pin {
        Backend backend;
        double expiresAt;
    }

    /** The balancer, as sessions see it: which backends it may use, and its algorithm's choice. */
    interface Chooser {
        /** Where a request goes when it has no usable pin. */
        Pick choose(Request request);

        boolean usable(Backend backend);
    }

    private final double duration;
    private final LinkedHashMap<Long, Pin> pins = new LinkedHashMap<>(1024, 0.75f, true);
    private long started;
    private long broken;

    StickySessions(StickinessSpec spec) {
        this.duration = spec.duration();
    }

    /**
     * Where {@code request} goes: to its session's backend, if the cookie is valid and the backend
     * is usable and not the one the request avoids (a retry goes elsewhere); else where the
     * chooser says, and the session is pinned there. When the chooser finds no backend, its
     * outcome, and the session keeps its old pin.
     */
    Pick route(Request request, double now, Chooser chooser) {
        long key = request.sessionKey();
        Pin pin = pins.get(key);
        boolean live = pin != null && pin.expiresAt > now;
        if (live && pin.backend.id() != request.avoid() && chooser.usable(pin.backend)) {
            pin.expiresAt = now + duration;
            return pin.backend;
        }
        Pick pick = chooser.choose(request);
        if (!(pick instanceof Backend chosen)) return pick;
        // Counted from time 0, warm-up included: a session spans it, and most start early.
        if (live) broken++; else started++;
        if (pin == null) {
            dropExpired(now);
            pin = new Pin();
            pins.put(key, pin);
        }
        pin.backend = chosen;
        pin.expiresAt = now + duration;
        return chosen;
    }

    /** Drops expired pins from the front: the least recently used, so the first to expire. */
    private void dropExpired(double now) {
        Iterator<Pin> oldest = pins.values().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().expiresAt > now) return;
            oldest.remove();
        }
    }

    /** Sessions tracked now (for tests of the memory bound). */
    int tracked() {
        return pins.size();
    }

    SessionResult result() {
        return new SessionResult(started, broken);
    }
}
