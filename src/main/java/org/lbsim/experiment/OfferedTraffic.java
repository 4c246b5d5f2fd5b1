package org.lbsim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lbsim.cluster.spec.ArrivalSpec;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.DistributionSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.cluster.spec.RateSchedule;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.cluster.spec.SecurityGroupSpec;

/**
 * The traffic that reaches the balancer's algorithm, as queueing theory sees it: one Poisson
 * stream of rate {@code rate} whose requests carry work drawn from one law (the clients' and
 * classes' laws mixed in proportion to their rates), or the reasons it is not that.
 *
 * <p>Independent Poisson clients merge into one Poisson stream, and a client's requests a
 * security group refuses by source address are an independent thinning, which leaves a Poisson
 * stream; a mix of request classes is one service law, the mixture.
 *
 * @param rate         requests per second admitted to the algorithm
 * @param meanWork     mean work per request, in seconds at speed 1.0
 * @param workScv      squared coefficient of variation of the work (infinite for a heavy tail)
 * @param exponential  whether the work is exponential (every part exponential with one mean)
 * @param constant     whether every request carries the same work
 * @param workWords    the work's law in words, for reasons ("lognormal", "a mix of exponential and pareto")
 * @param reasons      assumptions that fail; when any, the other fields mean nothing
 * @param notes        merges and thinnings a reader should know of
 */
record OfferedTraffic(double rate, double meanWork, double workScv, boolean exponential, boolean constant,
                      String workWords, List<String> reasons, List<String> notes) {

    /** One part of the mixed work: its share of the requests and its law. */
    private record Part(String client, double share, DistributionSpec law) {
    }

    static OfferedTraffic of(Scenario scenario) {
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        double total = 0;
        SecurityGroupSpec group = scenario.securityGroup(scenario.balancer().securityGroup()).orElse(null);
        for (ClientSpec client : scenario.clients()) {
            if (!client.targetsBalancer()) {
                SecurityGroupSpec serverGroup = scenario.server(client.target())
                        .flatMap(server -> scenario.securityGroup(server.securityGroup())).orElse(null);
                if (serverGroup != null && AdmittedShare.of(serverGroup, client) == 0) {
                    notes.add("security group " + serverGroup.name() + " refuses every request client " + client.name()
                            + " sends straight to " + client.target() + ": they load nothing");
                } else {
                    reasons.add("client " + client.name() + " sends straight to " + client.target() + ", past the balancer");
                }
                continue;
            }
            double share = group == null ? 1 : AdmittedShare.of(group, client);
            if (share == 0) {
                notes.add("security group " + group.name() + " refuses every request of client " + client.name()
                        + ": they load nothing");
                continue;
            }
            double rate = poissonRate(client, reasons);
            if (client.protocol() != Protocol.TCP || !scenario.balancer().listeners().contains(client.port())) {
                reasons.add("client " + client.name() + "'s requests find no listener (" + client.protocol().yamlName()
                        + " port " + client.port() + ")");
            }
            if (Double.isFinite(client.timeout())) {
                reasons.add(String.format(Locale.ROOT, "timeouts cut requests short (client %s gives up after %s s)",
                        client.name(), plain(client.timeout())));
            }
            if (share < 1) {
                notes.add(String.format(Locale.ROOT, "security group %s admits %s%% of client %s's requests: the "
                        + "refusal depends on the source address alone, so the rest is still Poisson",
                        group.name(), plain(100 * share), client.name()));
                rate *= share;
            }
            if (Double.isNaN(rate)) continue;
            total += rate;
            if (client.service() != null) {
                parts.add(new Part(client.name(), rate, client.service()));
            } else {
                double weights = client.mix().stream().mapToDouble(RequestClassSpec::weight).sum();
                for (RequestClassSpec c : client.mix()) parts.add(new Part(client.name(), rate * c.weight() / weights, c.service()));
            }
        }
        long loading = parts.stream().map(Part::client).distinct().count();
        if (loading > 1 && reasons.isEmpty()) notes.add(loading + " Poisson clients merge into one Poisson stream");
        if (!reasons.isEmpty() || parts.isEmpty()) {
            if (reasons.isEmpty()) reasons.add("no client's requests reach the servers");
            return new OfferedTraffic(Double.NaN, Double.NaN, Double.NaN, false, false, "", reasons, notes);
        }
        double mean = 0;
        double secondMoment = 0;
        for (Part part : parts) {
            double m = part.law().mean();
            mean += part.share() / total * m;
            secondMoment += part.share() / total * m * m * (1 + part.law().scv());
        }
        double scv = Double.isInfinite(secondMoment) ? Double.POSITIVE_INFINITY : Math.max(0, secondMoment / (mean * mean) - 1);
        double firstMean = parts.get(0).law().mean();
        boolean sameMean = parts.stream().allMatch(p -> p.law().mean() == firstMean);
        boolean exponential = sameMean && parts.stream().allMatch(p -> p.law() instanceof DistributionSpec.Exponential);
        boolean constant = sameMean && parts.stream().allMatch(p -> p.law() instanceof DistributionSpec.Constant);
        return new OfferedTraffic(total, mean, scv, exponential, constant, words(parts, sameMean), List.of(), notes);
    }

    /** The client's Poisson rate, or NaN after adding why it is not Poisson at a fixed rate. */
    private static double poissonRate(ClientSpec client, List<String> reasons) {
        String who = " (client " + client.name() + ")";
        ArrivalSpec arrivals = client.arrivals();
        if (arrivals instanceof ArrivalSpec.Poisson poisson) {
            if (poisson.schedule() instanceof RateSchedule.Fixed fixed) return fixed.rate();
            reasons.add("the arrival rate changes over time" + who);
        } else if (arrivals instanceof ArrivalSpec.Constant) {
            reasons.add("arrivals are not Poisson (evenly spaced)" + who);
        } else if (arrivals instanceof ArrivalSpec.Mmpp) {
            reasons.add("arrivals are not Poisson (on/off bursts, an MMPP)" + who);
        } else if (arrivals instanceof ArrivalSpec.Closed closed) {
            reasons.add("arrivals are not Poisson (" + closed.users() + " closed-loop users wait for each answer)" + who);
        } else {
            reasons.add("arrivals replay a recorded trace" + who);
        }
        return Double.NaN;
    }

    /** A number as a person writes it: 5, 0.25, 1.6, 2.6141 (at most five significant digits). */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return new java.math.BigDecimal(value).round(new java.math.MathContext(5)).stripTrailingZeros().toPlainString();
    }

    private static String words(List<Part> parts, boolean sameMean) {
        Set<String> kinds = new LinkedHashSet<>();
        for (Part part : parts) kinds.add(part.law().getClass().getSimpleName().toLowerCase(Locale.ROOT));
        if (kinds.size() == 1) {
            String kind = kinds.iterator().next();
            return sameMean || parts.size() == 1 ? kind : "a mix of " + kind + " laws with different means";
        }
        return "a mix of " + String.join(" and ", kinds);
    }
}
