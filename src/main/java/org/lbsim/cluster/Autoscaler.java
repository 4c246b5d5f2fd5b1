package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.cluster.spec.AutoscalingSpec;
import org.lbsim.engine.Simulation;

/**
 * Target tracking, as AWS Auto Scaling does it. Every evaluation period it averages the metric
 * over the running instances (booted, registered, not draining) and resizes the group to
 * ⌈running × metric / target⌉ within [min, max], as its CloudWatch alarms allow: out after 3
 * consecutive periods above the target, in after 15 consecutive periods below 90% of it (AWS's
 * defaults, which keep a group from flapping around its target). Instances still booting count in the group's
 * size but not in the metric, so a scale-out is not repeated while its instances start, and
 * no scale-in happens while any boots. A scale-out waits {@code cooldown} after the previous
 * scale-out; a scale-in waits {@code cooldown} after any scaling. Scale-in deregisters the
 * newest instances first; they drain as any removed instance does.
 */
final class Autoscaler {

    private final AutoscalingSpec spec;
    private final Simulation simulation;
    private final Cluster cluster;
    private final Balancer balancer;
    private final Map<Backend, Double> busyAtLastEvaluation = new HashMap<>();
    private long dispatchedAtLastEvaluation;
    private double lastScaleOut = Double.NEGATIVE_INFINITY;
    private double lastScaleIn = Double.NEGATIVE_INFINITY;
    private int launched;
    private int periodsAbove;
    private int periodsBelow;

    /** Consecutive periods above target before a scale-out: AWS target tracking's alarm (3 of 3). */
    static final int SCALE_OUT_PERIODS = 3;
    /** Consecutive periods below 90% of target before a scale-in: AWS's slower alarm (15 of 15). */
    static final int SCALE_IN_PERIODS = 15;
    static final double SCALE_IN_THRESHOLD = 0.9;

    Autoscaler(AutoscalingSpec spec, Simulation simulation, Cluster cluster, Balancer balancer) {
        this.spec = spec;
        this.simulation = simulation;
        this.cluster = cluster;
        this.balancer = balancer;
    }

    /** Brings the group up to its minimum and starts evaluating. */
    void start() {
        int missing = spec.min() - members().size();
        for (int i = 0; i < missing; i++) launch();
        remember();
        simulation.startTimer(simulation.now() + spec.evaluationPeriod(), Autoscaler::evaluate, this);
    }

    private double evaluate() {
        double now = simulation.now();
        adjust(now);
        return now + spec.evaluationPeriod();
    }

    /** Replaces unhealthy instances and scales the group toward the target. */
    private void adjust(double now) {
        replaceUnhealthy(now);
        List<Backend> members = members();
        List<Backend> running = members.stream().filter(b -> b.server.isRunning()).toList();
        double metric = metric(running, now);
        remember();
        if (Double.isNaN(metric)) return;
        int current = members.size();
        // The running instances carry the measured load; at the target each would carry target.
        int needed = (int) Math.ceil(running.size() * metric / spec.target() - 1e-9);
        int desired = Math.max(spec.min(), Math.min(spec.max(), needed));
        boolean booting = running.size() < current;
        periodsAbove = metric > spec.target() ? periodsAbove + 1 : 0;
        periodsBelow = metric < SCALE_IN_THRESHOLD * spec.target() ? periodsBelow + 1 : 0;
        if (current < spec.min() || current > spec.max()) {
            desired = Math.max(spec.min(), Math.min(spec.max(), current)); // back within bounds at once
        } else if (desired > current && periodsAbove < SCALE_OUT_PERIODS) {
            return;
        } else if (desired < current && periodsBelow < SCALE_IN_PERIODS) {
            return;
        }
        if (desired > current && now - lastScaleOut >= spec.cooldown()) {
            for (int i = current; i < desired; i++) launch();
            lastScaleOut = now;
        } else if (desired < current && !booting && now - Math.max(lastScaleIn, lastScaleOut) >= spec.cooldown()) {
            // Never while instances still boot (their capacity is on its way), and only a cooldown
            // after any scaling, so that a scale-out is not undone before it took effect.
            for (int i = 0; i < current - desired; i++) cluster.removeServer(members.get(members.size() - 1 - i).name());
            lastScaleIn = now;
        }
    }

    /**
     * Self-healing: an instance the balancer marks unhealthy after its grace period is
     * deregistered and a new one launched in its place.
     */
    private void replaceUnhealthy(double now) {
        for (Backend backend : members()) {
            if (!backend.healthy() && now - backend.server.instance().launchedAt() >= spec.healthCheckGracePeriod()) {
                cluster.removeServer(backend.name());
                launch();
            }
        }
    }

    /** The metric over the last period, NaN when no instance ran through it. */
    private double metric(List<Backend> running, double now) {
        if (running.isEmpty()) return Double.NaN;
        double period = spec.evaluationPeriod();
        if (spec.metric() == AutoscalingSpec.Metric.REQUESTS_PER_TARGET) {
            return (balancer.dispatched() - dispatchedAtLastEvaluation) / period / running.size();
        }
        double busy = 0;
        double capacity = 0;
        for (Backend backend : running) {
            Double before = busyAtLastEvaluation.get(backend);
            if (before == null) continue; // launched during the period: no full period to judge by
            busy += backend.server.busyWorkerSeconds(now) - before;
            capacity += backend.server.workers() * period;
        }
        return capacity == 0 ? Double.NaN : busy / capacity;
    }

    private void remember() {
        double now = simulation.now();
        busyAtLastEvaluation.clear();
        for (Backend backend : members()) busyAtLastEvaluation.put(backend, backend.server.busyWorkerSeconds(now));
        dispatchedAtLastEvaluation = balancer.dispatched();
    }

    /** Registered and not leaving: what the group's size counts. */
    private List<Backend> members() {
        List<Backend> members = new ArrayList<>();
        for (Backend backend : balancer.backends()) if (!backend.draining && !backend.deregistered) members.add(backend);
        return members;
    }

    private void launch() {
        cluster.addServer(spec.template() + "-as-" + (++launched), spec.template());
    }
}
