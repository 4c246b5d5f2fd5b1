package org.lbsim.cluster;

import org.lbsim.engine.EventHandler;
import org.lbsim.engine.Simulation;

/**
 * The users of a closed-loop client. Each user sends one request, waits until it ends (answered,
 * refused, lost) or until the client's timeout, thinks, and sends the next; so the client's rate
 * follows the interactive response-time law X = N / (R + Z) instead of being set.
 *
 * <p>Each user starts with a think time, so that they do not all send at time 0. A user who gives
 * up at the timeout moves on; the request's own outcome is still settled when it ends, as for any
 * client, and its late end no longer concerns the user.
 */
final class ClosedUsers {

    /** One user: its fixed source address and what it is waiting for. */
    static final class User {
        final int index;
        final Address address = new Address();
        /** The sequence number of the request it waits for, or -1 while thinking. */
        long awaiting = -1;
        /** When it gives up on that request; an earlier give-up event at another time is stale. */
        double giveUpAt = Double.NaN;

        User(int index) {
            this.index = index;
        }
    }

    private final User[] users;
    private final Simulation simulation;
    private final RandomVariate thinkTime;
    private final double timeout;
    private final EventHandler<User> onThought;
    private final EventHandler<User> onGiveUp = this::giveUp;

    ClosedUsers(int count, Simulation simulation, RandomVariate thinkTime, double timeout, AddressSampler addresses,
                EventHandler<User> send) {
        this.users = new User[count];
        this.simulation = simulation;
        this.thinkTime = thinkTime;
        this.timeout = timeout;
        this.onThought = send;
        for (int i = 0; i < count; i++) {
            users[i] = new User(i);
            addresses.sample(users[i].address);
        }
    }

    void start() {
        for (User user : users) think(user);
    }

    /** The user is about to send {@code request}: it waits for it from now on. */
    void sending(User user, Request request) {
        user.awaiting = request.sequence;
        if (timeout != Double.POSITIVE_INFINITY) {
            user.giveUpAt = simulation.now() + timeout;
            simulation.scheduleAt(user.giveUpAt, onGiveUp, user);
        }
    }

    /** A closed-loop request has ended; if its user still waits for it, the user thinks. */
    void ended(Request request) {
        User user = users[request.user];
        if (user.awaiting == request.sequence) think(user);
    }

    private void giveUp(User user) {
        if (user.awaiting >= 0 && simulation.now() == user.giveUpAt) think(user);
    }

    private void think(User user) {
        user.awaiting = -1;
        user.giveUpAt = Double.NaN;
        simulation.schedule(thinkTime.sample(), onThought, user);
    }
}
