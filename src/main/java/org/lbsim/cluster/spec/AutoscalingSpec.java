package org.lbsim.cluster.spec;

/**
 * Target-tracking autoscaling, as AWS Auto Scaling does it: every {@code evaluationPeriod} the
 * metric is averaged over the running instances, and the group is resized to
 * ⌈instances × metric / target⌉, kept within [{@code min}, {@code max}], no sooner than
 * {@code cooldown} after the previous scaling in the same direction.
 *
 * @param template the server whose settings new instances copy (they are named template-as-N)
 * @param healthCheckGracePeriod an instance the balancer finds unhealthy longer than this after
 *                 its launch is replaced (AWS: the group uses the load balancer's health checks,
 *                 {@code HealthCheckGracePeriod}); infinite for no replacement
 */
public record AutoscalingSpec(String template, Metric metric, double target, int min, int max, double cooldown,
                              double evaluationPeriod, double healthCheckGracePeriod) {

    /** A group that does not replace unhealthy instances. */
    public AutoscalingSpec(String template, Metric metric, double target, int min, int max, double cooldown,
                           double evaluationPeriod) {
        this(template, metric, target, min, max, cooldown, evaluationPeriod, Double.POSITIVE_INFINITY);
    }

    /** What the group tracks. */
    public enum Metric {
        /** Mean busy fraction of the workers of the running instances. */
        UTILIZATION("utilization"),
        /** Requests the balancer sent per running instance per second. */
        REQUESTS_PER_TARGET("requestsPerTarget");

        private final String yamlName;

        Metric(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    public AutoscalingSpec {
        if (template == null || metric == null) throw new IllegalArgumentException("template and metric are required");
        if (!(target > 0)) throw new IllegalArgumentException("target must be positive");
        if (metric == Metric.UTILIZATION && target > 1) throw new IllegalArgumentException("a utilization target is at most 1");
        if (min < 0 || max < 1 || min > max) throw new IllegalArgumentException("need 0 <= min <= max and max >= 1");
        if (!(cooldown >= 0) || !(evaluationPeriod > 0)) throw new IllegalArgumentException("bad cooldown or evaluation period");
        if (!(healthCheckGracePeriod >= 0)) throw new IllegalArgumentException("healthCheckGracePeriod must be at least 0");
    }
}
