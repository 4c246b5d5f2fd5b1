package org.lbsim.metrics;

import java.util.List;

/**
 * Everything one run measured, in the shape of the design's JSON. Times in seconds.
 *
 * @param throughput  completed requests per second of measured window
 * @param workload    per-class latency, sessions and trace replay, when the scenario has them
 * @param warnings    plain-language notes about the run (unstable load, short warm-up...)
 * @param moments     what happened when, from time 0, for the over-time chart's markers; not
 *                    part of the JSON results
 */
public record RunResult(
        String scenario,
        String algorithm,
        long seed,
        double simulatedSeconds,
        RequestCounts requests,
        LatencySummary latency,
        double throughput,
        double availability,
        List<ServerResult> servers,
        List<SecurityGroupResult> securityGroups,
        List<NetworkAclResult> networkAcls,
        BalancerResult balancer,
        List<FailureRecord> failures,
        ScalingResult scaling,
        CostResult cost,
        WorkloadResult workload,
        EngineStats engine,
        List<String> warnings,
        List<Moment> moments) {

    public RunResult {
        servers = List.copyOf(servers);
        securityGroups = List.copyOf(securityGroups);
        networkAcls = List.copyOf(networkAcls);
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        moments = List.copyOf(moments);
    }

    /** A result without moments (one read back from elsewhere, or a test's). */
    public RunResult(String scenario, String algorithm, long seed, double simulatedSeconds, RequestCounts requests,
                     LatencySummary latency, double throughput, double availability, List<ServerResult> servers,
                     List<SecurityGroupResult> securityGroups, List<NetworkAclResult> networkAcls, BalancerResult balancer,
                     List<FailureRecord> failures, ScalingResult scaling, CostResult cost, WorkloadResult workload,
                     EngineStats engine, List<String> warnings) {
        this(scenario, algorithm, seed, simulatedSeconds, requests, latency, throughput, availability, servers, securityGroups,
                networkAcls, balancer, failures, scaling, cost, workload, engine, warnings, List.of());
    }

    /** This result with more warnings after its own. */
    public RunResult withWarnings(List<String> more) {
        if (more.isEmpty()) return this;
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new RunResult(scenario, algorithm, seed, simulatedSeconds, requests, latency, throughput, availability,
                servers, securityGroups, networkAcls, balancer, failures, scaling, cost, workload, engine, all, moments);
    }
}
