package org.lbsim.metrics;

import java.util.List;

/**
 * What one network ACL dropped and how often each of its rules matched.
 *
 * @param denied every connection it dropped, by a deny rule or by the implicit final deny
 * @param rules  inbound rules in ascending number, then outbound rules
 */
public record NetworkAclResult(String name, long denied, List<RuleHits> rules) {
    public NetworkAclResult {
        rules = List.copyOf(rules);
    }

    /**
     * @param direction {@code inbound} or {@code outbound}: the two lists number their rules apart
     * @param hits      connections this rule decided (allowed or denied)
     */
    public record RuleHits(String direction, int number, long hits) {
    }
}
