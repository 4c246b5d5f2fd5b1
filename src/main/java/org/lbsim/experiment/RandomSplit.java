package org.lbsim.experiment;

import static org.lbsim.experiment.OfferedTraffic.plain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.lbsim.cluster.spec.ServerSpec;

/**
 * A Poisson stream split at random: each request goes to server i with probability pᵢ (equal
 * shares, or in proportion to weight), independently of everything else, so server i sees a
 * Poisson stream of rate pᵢλ and the servers are independent queues, each solved on its own.
 * The mean response time is theirs weighted by the requests each answers.
 */
final class RandomSplit {

    private RandomSplit() {
    }

    static ClosedForm solve(OfferedTraffic traffic, List<ServerSpec> servers, boolean byWeight) {
        double totalWeight = servers.stream().mapToDouble(s -> byWeight ? s.weight() : 1).sum();
        double lambda = traffic.rate();
        double answered = 0;
        double responseSum = 0;
        double lost = 0;
        double busyWorkers = 0;
        int workers = 0;
        Set<String> models = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        ClosedForm.Prediction sample = null;
        for (ServerSpec server : servers) {
            workers += server.workers();
            double share = (byWeight ? server.weight() : 1) / totalWeight;
            if (share == 0) continue;
            ClosedForm form = ServerQueue.solve(share * lambda, server, traffic);
            if (form instanceof ClosedForm.NoClosedForm none) {
                none.reasons().forEach(r -> reasons.add(r + " at " + server.name()));
                continue;
            }
            ClosedForm.Prediction p = (ClosedForm.Prediction) form;
            sample = p;
            models.add(p.model());
            double loss = p.lossProbability().orElse(0);
            double done = share * lambda * (1 - loss);
            answered += done;
            responseSum += done * p.responseTime();
            lost += share * lambda * loss;
            busyWorkers += p.utilization() * server.workers();
        }
        if (!reasons.isEmpty()) return new ClosedForm.NoClosedForm(new ArrayList<>(reasons));
        int n = servers.size();
        boolean identical = servers.stream().allMatch(s -> sameCapacity(s, servers.get(0))
                && (!byWeight || s.weight() == servers.get(0).weight()));
        String split = byWeight ? "weighted-random split" : "random split";
        String model = identical ? n + " × " + sample.model() + " (" + split + ")"
                : "independent queues, one per server (" + split + "): " + String.join(", ", models);
        String formula = "each server gets a Poisson stream at its share of λ; " + sample.formula();
        boolean anyLoss = servers.stream().anyMatch(s -> s.queueCapacity() != ServerSpec.UNLIMITED_QUEUE);
        return new ClosedForm.Prediction(model, formula, "λ = " + plain(lambda) + "/s over n = " + n
                + (identical ? "; each server: " + sample.parameters() : ""),
                responseSum / answered, busyWorkers / workers,
                identical ? sample.waitingProbability() : OptionalDouble.empty(),
                anyLoss ? OptionalDouble.of(lost / lambda) : OptionalDouble.empty(), true, List.of());
    }

    private static boolean sameCapacity(ServerSpec a, ServerSpec b) {
        return a.workers() == b.workers() && a.speed() == b.speed() && a.queueCapacity() == b.queueCapacity();
    }
}
