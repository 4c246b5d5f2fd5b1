package org.lbsim.cluster;

/**
 * Recycles {@link Request} objects so the steady state allocates none, and counts the requests
 * alive, which the run caps ({@code maxRequestsInSystem}) so that an unstable scenario stops
 * with a message instead of exhausting memory.
 */
final class RequestPool {

    private Request free;
    private long live;

    Request acquire() {
        live++;
        Request request = free;
        if (request == null) return new Request();
        free = request.nextFree;
        request.nextFree = null;
        return request;
    }

    void release(Request request) {
        live--;
        request.source = null;
        request.backend = null;
        request.slot = -1;
        request.lost = false;
        request.atBalancer = false;
        request.tries = 0;
        request.avoid = Request.NO_BACKEND;
        request.retrying = false;
        request.user = -1;
        request.requestClass = -1;
        request.nextFree = free;
        free = request;
    }

    long live() {
        return live;
    }
}
