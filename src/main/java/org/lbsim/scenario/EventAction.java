package org.lbsim.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The actions of the {@code events:} timeline, by the name a scenario writes, each with the keys
 * its event map holds. Declared in the order messages list them.
 */
enum EventAction {
    FAIL("fail", "server"),
    RECOVER("recover", "server"),
    SET_RATE("set-rate", "client", "rate"),
    SET_ALGORITHM("set-algorithm", "algorithm"),
    SLOW("slow", "server", "factor"),
    BLACK_HOLE("black-hole", "server"),
    CUT_OFF("cut-off", "server"),
    ADD_SERVER("add-server", "server", "template"),
    REMOVE_SERVER("remove-server", "server"),
    SET_WEIGHT("set-weight", "server", "weight"),
    SET_SECURITY_RULE("set-security-rule", "group", "inbound");

    private final String yamlName;
    private final List<String> keys;

    EventAction(String yamlName, String... ownKeys) {
        this.yamlName = yamlName;
        this.keys = Binding.concat(List.of("at", "action"), List.of(ownKeys));
    }

    String yamlName() {
        return yamlName;
    }

    /** Every key an event of this action may hold: {@code at}, {@code action} and its own. */
    List<String> keys() {
        return keys;
    }

    /** The keys of every action, in the order the actions are declared. */
    static List<String> everyKey() {
        return Arrays.stream(values()).flatMap(action -> action.keys.stream()).distinct().toList();
    }

    static Optional<EventAction> fromYaml(String name) {
        return Arrays.stream(values()).filter(action -> action.yamlName.equals(name)).findFirst();
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(EventAction::yamlName).toList();
    }
}
