package org.lbsim.cluster.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a server fails. The names are the scenario file's. */
public enum FailureKind {
    /** Fail-stop: it loses what it holds and refuses connections until it recovers. */
    CRASH("crash"),
    /** It serves, slower: its speed is multiplied by the failure's factor. */
    SLOWDOWN("slowdown"),
    /**
     * Gray failure: it answers every request at once with an error, while its shallow health
     * endpoint may still pass. Fast errors make it look idle to load-aware algorithms.
     */
    BLACK_HOLE("black-hole"),
    /** A network or security change cuts it off: connections to it time out. */
    UNREACHABLE("unreachable");

    private final String yamlName;

    FailureKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<FailureKind> fromYaml(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(FailureKind::yamlName).toList();
    }
}
