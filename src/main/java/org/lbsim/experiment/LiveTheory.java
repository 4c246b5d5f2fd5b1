package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.lbsim.cluster.Cluster;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.BalancerSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.metrics.Estimate;
import org.lbsim.metrics.TimeSeries;

/**
 * The theory beside a live run: the closed form of the configuration running now (the
 * algorithm, the clients' rates and the instances as they are, changed live or not) and the
 * mean response time measured since that configuration began, by batch means.
 *
 * <p>Each change of configuration starts the measurement again, one scenario warm-up after the
 * change, so that the figure set beside a closed form is that configuration's steady state. A
 * server that is down, not yet healthy at the balancer or draining is no steady state at all:
 * then there is no closed form, and the reason says which server.
 *
 * <p>Threading: {@link #refresh} asks the simulation thread for the clients' rates (the one
 * figure a snapshot does not carry); everything else runs on the observer's thread, from the
 * snapshots and intervals it already receives.
 */
public final class LiveTheory {

    /** Complete batches the measurement needs before it has a confidence interval. */
    public static final int MIN_BATCHES = BatchMeans.MIN_BATCHES;

    /** The first batch's length in simulated seconds; batches double as the run grows. */
    private static final double FIRST_BATCH_SECONDS = 1;

    private final LiveRun run;
    private final AtomicReference<Map<String, Double>> rates = new AtomicReference<>(Map.of());
    private Scenario running;
    private ClosedForm form;
    private List<String> transients = List.of();
    private BatchMeans measured;
    private double lastTime = Double.NEGATIVE_INFINITY;

    public LiveTheory(LiveRun run) {
        this.run = run;
    }

    /** Asks the simulation thread for the clients' current rates; the next {@link #update} uses them. */
    public void refresh() {
        run.submit(live -> rates.set(rates(live.cluster())));
    }

    private static Map<String, Double> rates(Cluster cluster) {
        Map<String, Double> now = new LinkedHashMap<>();
        for (String client : cluster.clientNames()) now.put(client, cluster.rate(client));
        return now;
    }

    /** The closed form of the configuration the snapshot shows; a new one restarts the measurement. */
    public ClosedForm update(ClusterSnapshot snapshot) {
        if (snapshot.time() < lastTime) running = null; // the run was reset
        lastTime = snapshot.time();
        Scenario now = configuration(run.scenario(), snapshot, rates.get());
        List<String> outOfService = transients(snapshot);
        if (running == null || !now.equals(running) || !outOfService.equals(transients)) {
            // From the start, the scenario's own warm-up; after a change, a warm-up's length more.
            double start = running == null && snapshot.time() <= now.warmup() ? now.warmup() : snapshot.time() + now.warmup();
            running = now;
            transients = outOfService;
            form = outOfService.isEmpty() ? ClosedFormCheck.of(now) : new ClosedForm.NoClosedForm(outOfService);
            measured = new BatchMeans(start, FIRST_BATCH_SECONDS);
        }
        return form;
    }

    /** Adds a chart interval's completions to the measurement (those before it starts are left out). */
    public void add(TimeSeries.Interval interval) {
        if (measured != null) measured.add(interval);
    }

    /** The mean response time measured since the configuration began (and its warm-up), with its batch-means interval. */
    public Estimate measured() {
        return measured == null ? new Estimate(Double.NaN, Double.NaN, 0) : measured.estimate();
    }

    /** The simulated time the measurement counts from. */
    public double measuringFrom() {
        return measured == null ? run.scenario().warmup() : measured.from();
    }

    /**
     * The scenario as it runs now: the snapshot's algorithm, the clients' current rates, and its
     * instances (terminated ones gone; one added in the window is a copy of the first server,
     * the template the window's add button uses).
     */
    static Scenario configuration(Scenario original, ClusterSnapshot snapshot, Map<String, Double> rates) {
        List<ClientSpec> clients = new ArrayList<>();
        for (ClientSpec client : original.clients()) {
            Double rate = rates.get(client.name());
            if (rate != null && client.arrivals() instanceof ArrivalSpec.Open open && rate != open.rate()) {
                clients.add(client.withArrivals(open.withRate(rate)));
            } else {
                clients.add(client);
            }
        }
        List<ServerSpec> servers = new ArrayList<>();
        for (ClusterSnapshot.ServerState state : snapshot.servers()) {
            if (state.condition().equals("terminated")) continue;
            servers.add(original.server(state.name()).orElseGet(() -> original.servers().get(0).named(state.name())));
        }
        BalancerSpec balancer = original.balancer().withAlgorithm(snapshot.algorithm());
        return new Scenario(original.name(), original.seed(), original.duration(), original.warmup(),
                original.maxRequestsInSystem(), clients, original.securityGroups(), original.networkAcls(), balancer,
                servers, original.events(), original.autoscaling());
    }

    /** What keeps the cluster out of a steady state right now: servers down or not in service at the balancer. */
    static List<String> transients(ClusterSnapshot snapshot) {
        List<String> reasons = new ArrayList<>();
        for (ClusterSnapshot.ServerState state : snapshot.servers()) {
            if (state.condition().equals("terminated")) continue;
            if (!state.up()) {
                reasons.add("server " + state.name() + " is not up (" + state.condition() + ")");
            } else if (!state.healthyAtBalancer()) {
                reasons.add("the balancer sends nothing to server " + state.name() + " (not yet healthy, or draining)");
            }
        }
        return reasons;
    }
}
