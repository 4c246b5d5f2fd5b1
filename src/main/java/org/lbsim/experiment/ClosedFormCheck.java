package org.lbsim.experiment;

import static org.lbsim.experiment.OfferedTraffic.plain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.lbsim.cluster.spec.BalancerPolicies;
import org.lbsim.cluster.spec.Cidr;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.FailureSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RuleSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;
import org.lbsim.cluster.spec.ServerSpec;
import org.lbsim.theory.JoinShortestQueue;
import org.lbsim.theory.PowerOfD;
import org.lbsim.theory.Queues;

/**
 * Decides whether a scenario, as lbsim models it, is a queue with a closed form, and computes
 * it: the steady-state mean response time (and utilization, waiting and loss probabilities)
 * that its measured mean should approach.
 *
 * <p>A closed form applies only when the model really is that queue: one Poisson stream (merged
 * clients and address-based refusals keep it Poisson), a fixed fleet that never fails, no
 * timeouts, no scripted events, out-of-band health checks, no sticky sessions, and an algorithm
 * whose split theory solves:
 * <ul>
 *   <li>one server with c workers: M/M/1, M/M/c, M/M/c/K, Erlang B, M/D/1 and M/G/1;</li>
 *   <li>{@code random} (and {@code weighted-random}): independent Poisson streams, one queue per
 *       server at its share of the rate;</li>
 *   <li>{@code round-robin} over n identical single-worker exponential servers: each sees every
 *       n-th arrival, E_n/M/1;</li>
 *   <li>{@code least-connections} over two such servers: join the shortest queue (outstanding
 *       requests are the queue length at one worker; ties go either way at random);</li>
 *   <li>{@code power-of-d} over many such servers: the mean-field limit, exact only as the number
 *       of servers grows.</li>
 * </ul>
 * Retries, passive NGINX checks, slow start, the deregistration delay and the connect timeout
 * act only when a server fails, is added or is removed, which the checks above exclude; outlier
 * detection also counts full queues, so it is excluded with a finite queue.
 */
public final class ClosedFormCheck {

    /** Servers below which power-of-d's mean field is too far from a finite cluster to quote. */
    static final int MEAN_FIELD_MIN_SERVERS = 100;

    /** The highest load at which theory.JoinShortestQueue's truncated chain is exact (its own limit). */
    static final double JSQ_MAX_LOAD = 0.95;

    /** The algorithms that send nothing to a server of weight 0 (docs/algorithms.md). */
    private static final Set<String> WEIGHING = Set.of("weighted-round-robin", "weighted-random",
            "weighted-least-connections", "least-response-time", "ip-hash", "consistent-hash");

    private ClosedFormCheck() {
    }

    /** The closed form of {@code scenario}'s steady state, or every reason there is none. */
    public static ClosedForm of(Scenario scenario) {
        OfferedTraffic traffic = OfferedTraffic.of(scenario);
        List<String> reasons = new ArrayList<>(traffic.reasons());
        reasons.addAll(clusterReasons(scenario));
        if (!reasons.isEmpty()) return new ClosedForm.NoClosedForm(reasons);
        ClosedForm form = byAlgorithm(scenario, traffic);
        if (form instanceof ClosedForm.Prediction p && !traffic.notes().isEmpty()) {
            List<String> notes = new ArrayList<>(traffic.notes());
            notes.addAll(p.notes());
            return new ClosedForm.Prediction(p.model(), p.formula(), p.parameters(), p.responseTime(), p.utilization(),
                    p.waitingProbability(), p.lossProbability(), p.exact(), notes);
        }
        return form;
    }

    /** What, beyond the traffic, keeps the cluster from being a plain queue. */
    private static List<String> clusterReasons(Scenario scenario) {
        Set<String> reasons = new LinkedHashSet<>();
        for (ServerSpec server : scenario.servers()) {
            for (FailureSpec failure : server.failures()) {
                reasons.add(failure instanceof FailureSpec.Scheduled ? "failures are scheduled (" + server.name() + ")"
                        : "servers fail at random (" + server.name() + ")");
            }
        }
        if (!scenario.events().isEmpty()) {
            reasons.add("scripted events change the run (" + scenario.events().size() + " under events:)");
        }
        if (scenario.autoscaling() != null) reasons.add("autoscaling changes the number of servers");
        if (!scenario.networkAcls().isEmpty()) {
            reasons.add("network ACLs are on the path (their dropped answers become timeouts)");
        }
        if (scenario.balancer().healthCheck() != null && scenario.balancer().healthCheck().inBand()) {
            reasons.add("health checks run in band (probes queue with the requests)");
        }
        BalancerPolicies policies = scenario.balancer().policies();
        if (policies.stickiness() != null) reasons.add("sticky sessions pin clients to servers");
        boolean finiteQueue = scenario.servers().stream().anyMatch(s -> s.queueCapacity() != ServerSpec.UNLIMITED_QUEUE);
        if (policies.outlierDetection() != null && finiteQueue) {
            reasons.add("outlier detection ejects servers whose queue is full");
        }
        for (ServerSpec server : scenario.servers()) {
            refusedPort(scenario, server).ifPresent(port -> reasons.add("server " + server.name()
                    + "'s security group refuses the balancer on port " + port));
        }
        return new ArrayList<>(reasons);
    }

    /** A port on which the server's group refuses the balancer (a client's, or the health check's), if any. */
    private static Optional<Integer> refusedPort(Scenario scenario, ServerSpec server) {
        SecurityGroupSpec group = scenario.securityGroup(server.securityGroup()).orElse(null);
        if (group == null) return Optional.empty();
        Set<Integer> ports = new LinkedHashSet<>();
        SecurityGroupSpec balancerGroup = scenario.securityGroup(scenario.balancer().securityGroup()).orElse(null);
        for (ClientSpec client : scenario.clients()) {
            // Only requests the balancer lets in and listens for are sent on to a server.
            boolean forwarded = client.targetsBalancer() && scenario.balancer().listeners().contains(client.port())
                    && (balancerGroup == null || AdmittedShare.of(balancerGroup, client) > 0);
            if (forwarded) ports.add(client.port());
        }
        if (scenario.balancer().healthCheck() != null) ports.add(scenario.balancer().healthCheck().port());
        for (int port : ports) {
            if (!admitsBalancer(group, scenario.balancer().securityGroup(), port)) return Optional.of(port);
        }
        return Optional.empty();
    }

    /** Whether the group lets the balancer (10.0.0.10, a member of its own group) connect over TCP on {@code port}. */
    private static boolean admitsBalancer(SecurityGroupSpec group, String balancerGroup, int port) {
        for (RuleSpec rule : group.inbound()) {
            boolean portless = rule.protocol() == Protocol.ALL;
            if (!rule.protocol().covers(Protocol.TCP) || !portless && (port < rule.fromPort() || port > rule.toPort())) continue;
            if (rule.source() instanceof RuleSpec.FromGroup fromGroup && fromGroup.group().equals(balancerGroup)) return true;
            if (rule.source() instanceof RuleSpec.FromCidr fromCidr
                    && AdmittedShare.coveredFraction(BALANCER, List.of(fromCidr.cidr())) == 1) {
                return true;
            }
        }
        return false;
    }

    /** The balancer's own address, as the servers see it (cluster.Cluster's). */
    private static final Cidr BALANCER = Cidr.parse("10.0.0.10/32");

    private static ClosedForm byAlgorithm(Scenario scenario, OfferedTraffic traffic) {
        List<ServerSpec> servers = scenario.servers();
        int n = servers.size();
        String algorithm = scenario.balancer().algorithm();
        if (n == 1) {
            if (servers.get(0).weight() == 0 && WEIGHING.contains(algorithm)) {
                return none("the only server has weight 0, so " + algorithm + " sends it nothing");
            }
            return ServerQueue.solve(traffic.rate(), servers.get(0), traffic);
        }
        boolean equalWeights = servers.stream().allMatch(s -> s.weight() == servers.get(0).weight());
        switch (algorithm) {
            case "random":
                return RandomSplit.solve(traffic, servers, false);
            case "weighted-random":
                return RandomSplit.solve(traffic, servers, true);
            default:
                break;
        }
        String kind = family(algorithm, equalWeights, scenario, n);
        if (kind == null) {
            if (algorithm.startsWith("weighted-") && !equalWeights) {
                return none("the servers' weights differ under " + algorithm + " (no closed form for its split)");
            }
            return none("no closed form is known for " + algorithm + " over " + n + " servers");
        }
        List<String> reasons = new ArrayList<>();
        ServerSpec first = servers.get(0);
        boolean identical = servers.stream().allMatch(s -> s.workers() == first.workers() && s.speed() == first.speed()
                && s.queueCapacity() == first.queueCapacity());
        if (!identical) reasons.add("the servers differ in capacity (workers, speed or queue)");
        if (first.workers() > 1) reasons.add("the servers have " + first.workers() + " workers each (" + kind + " is solved for one)");
        if (!traffic.exponential()) reasons.add("service times are " + traffic.workWords());
        if (first.queueCapacity() != ServerSpec.UNLIMITED_QUEUE) reasons.add("the queues are finite (" + kind + " is solved for unlimited ones)");
        if (!reasons.isEmpty()) return new ClosedForm.NoClosedForm(reasons);
        double mu = first.speed() / traffic.meanWork();
        double lambda = traffic.rate();
        double rho = lambda / (n * mu);
        if (rho >= 1) {
            return none("the offered load is " + plain(rho) + " of the capacity: the queues grow without bound, "
                    + "so there is no steady state");
        }
        String parameters = "λ = " + plain(lambda) + "/s, 1/μ = " + plain(1 / mu) + " s, n = " + n;
        return switch (kind) {
            case "round-robin" -> new ClosedForm.Prediction("E" + n + "/M/1 per server (round-robin)",
                    "each server gets every n-th arrival (Erlang-n gaps): W = 1/(μ(1 − σ)), σ = (λ/(λ + μ(1 − σ)))ⁿ",
                    parameters, Queues.ekM1ResponseTime(n, lambda / n, mu), rho,
                    OptionalDouble.of(Queues.ekM1WaitingProbability(n, lambda / n, mu)), OptionalDouble.empty(), true,
                    List.of());
            case "join-the-shortest-queue" -> n != 2
                    ? none("join-the-shortest-queue is solved exactly for two servers only, not " + n)
                    : rho > JSQ_MAX_LOAD ? none("the load " + plain(rho) + " is above " + JSQ_MAX_LOAD
                    + ", where the two-queue chain, cut at 40 requests a queue, is no longer exact")
                    : new ClosedForm.Prediction("JSQ over 2 × M/M/1 (" + algorithm + ")",
                    "the exact Markov chain of the two queue lengths (truncated at 40 each), W = L/λ", parameters,
                    JoinShortestQueue.twoServerResponseTime(lambda, mu), rho, OptionalDouble.empty(),
                    OptionalDouble.empty(), true, List.of());
            default -> meanField(scenario, lambda, mu, rho, n, parameters);
        };
    }

    /** Which solved family the algorithm is on these servers, or null for none. */
    private static String family(String algorithm, boolean equalWeights, Scenario scenario, int n) {
        return switch (algorithm) {
            case "round-robin" -> "round-robin";
            case "weighted-round-robin" -> equalWeights ? "round-robin" : null;
            case "least-connections" -> "join-the-shortest-queue";
            case "weighted-least-connections" -> equalWeights ? "join-the-shortest-queue" : null;
            // More choices than servers compares them all: join the shortest queue.
            case "power-of-d" -> choices(scenario) >= n ? "join-the-shortest-queue" : "power-of-d";
            default -> null;
        };
    }

    private static ClosedForm meanField(Scenario scenario, double lambda, double mu, double rho, int n, String parameters) {
        int d = choices(scenario);
        if (n < MEAN_FIELD_MIN_SERVERS) {
            return none("power-of-d's mean-field limit holds for many servers (" + MEAN_FIELD_MIN_SERVERS
                    + " or more), not " + n);
        }
        return new ClosedForm.Prediction("power-of-" + d + " mean field (supermarket model)",
                "W = Σᵢ≥₁ ρ^((dⁱ − d)/(d − 1)) / μ, the limit as the number of servers grows", parameters + ", d = " + d,
                PowerOfD.meanFieldResponseTime(rho, d, mu), rho, OptionalDouble.empty(), OptionalDouble.empty(), false,
                List.of(String.format(Locale.ROOT, "exact only as the number of servers grows: %d servers lie a little "
                        + "above it", n)));
    }

    private static int choices(Scenario scenario) {
        return Integer.parseInt(scenario.balancer().algorithmParameters().getOrDefault("choices", "2"));
    }

    private static ClosedForm none(String reason) {
        return new ClosedForm.NoClosedForm(List.of(reason));
    }
}
