package org.lbsim.cluster.spec;

import java.util.List;

/**
 * A network ACL: stateless, numbered allow and deny rules for the subnets of the balancer or of
 * servers, in each direction, evaluated in ascending number with the first match deciding and
 * an implicit deny after the last (the AWS {@code *} rule).
 *
 * @param appliesTo {@link #BALANCER} and/or server names: the subnets it is associated with
 * @param inbound   rules for traffic entering the subnet, matched on its destination port and source block
 * @param outbound  rules for traffic leaving the subnet, matched on its destination port and destination block
 */
public record NetworkAclSpec(String name, List<String> appliesTo, List<AclRuleSpec> inbound, List<AclRuleSpec> outbound) {

    /** The name in {@code appliesTo} that means the balancer's subnet. */
    public static final String BALANCER = "balancer";

    public NetworkAclSpec {
        appliesTo = List.copyOf(appliesTo);
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
        if (appliesTo.isEmpty()) throw new IllegalArgumentException("a network ACL applies to at least one subnet");
        requireUniqueNumbers(inbound);
        requireUniqueNumbers(outbound);
    }

    private static void requireUniqueNumbers(List<AclRuleSpec> rules) {
        if (rules.stream().mapToInt(AclRuleSpec::number).distinct().count() != rules.size()) {
            throw new IllegalArgumentException("rule numbers must be unique within a direction");
        }
    }
}
