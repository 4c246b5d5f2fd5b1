package org.lbsim.cluster.spec;

import java.util.Locale;

/** IP protocols a security-group rule can name, as AWS spells them. */
public enum Protocol {
    TCP, UDP, ICMP,
    /** AWS {@code -1}: every protocol and every port. */
    ALL;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean covers(Protocol other) {
        return this == ALL || this == other;
    }
}
