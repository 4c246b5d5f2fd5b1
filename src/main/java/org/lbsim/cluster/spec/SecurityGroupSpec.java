package org.lbsim.cluster.spec;

import java.util.List;

/** A security group: a named list of inbound allow rules; whatever no rule allows is denied. */
public record SecurityGroupSpec(String name, List<RuleSpec> inbound) {
    public SecurityGroupSpec {
        inbound = List.copyOf(inbound);
    }
}
