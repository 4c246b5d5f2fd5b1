package org.lbsim.metrics;

import java.util.List;

/** Denials by one security group, and how often each of its rules admitted traffic. */
public record SecurityGroupResult(String name, long denied, List<RuleHits> rules) {
    public SecurityGroupResult {
        rules = List.copyOf(rules);
    }

    /** @param index the rule's position in the group's {@code inbound} list, from 0 */
    public record RuleHits(int index, long hits) {
    }
}
