package org.lbsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys of one kind of scenario map (a server, a health check, a trace's arrivals...), in the
 * order messages and the reference list them, with the conditions that tie keys together.
 *
 * @param description what the map is, in one line
 */
record MapRule(String description, List<Key<?>> keys, List<Condition> conditions) {

    MapRule {
        keys = List.copyOf(keys);
        conditions = List.copyOf(conditions);
    }

    static MapRule of(String description, Key<?>... keys) {
        return new MapRule(description, List.of(keys), List.of());
    }

    MapRule with(Condition... more) {
        List<Condition> all = new ArrayList<>(conditions);
        all.addAll(List.of(more));
        return new MapRule(description, keys, all);
    }

    /** The keys' names, in order: what {@link Fields#allowOnly} allows. */
    List<String> names() {
        return keys.stream().map(Key::name).toList();
    }

    Key<?> key(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no key '" + name + "' in " + description));
    }

    /** A rule tying keys of the same map together, beyond what each key's own rule says. */
    sealed interface Condition {
    }

    /**
     * {@code key} only when {@code tag} holds one of {@code values} (and then required, when
     * {@code requiredThen}): a slowdown's {@code factor}, the ports of a tcp or udp rule.
     */
    record OnlyWhen(String key, String tag, List<String> values, boolean requiredThen) implements Condition {
        OnlyWhen {
            values = List.copyOf(values);
        }
    }

    /**
     * Exactly one of {@code forms}: a form's required keys all appear, and no key of another form
     * does (a failure's {@code {at, for}} or {@code {mtbf, mttr}}).
     */
    record OneForm(List<Form> forms) implements Condition {
        OneForm {
            forms = List.copyOf(forms);
        }
    }

    /** One form of a map: the keys it requires and those it may add. */
    record Form(List<String> required, List<String> optional) {
        Form {
            required = List.copyOf(required);
            optional = List.copyOf(optional);
        }
    }

    /** Not both of {@code first} and {@code second} (a client's {@code service} and {@code mix}). */
    record NotBoth(String first, String second) implements Condition {
    }

    /**
     * At least one of {@code keys}, unless the map under {@code unlessKey} has {@code unlessTag}
     * set to {@code unlessValue}: a client's {@code service} or {@code mix}, unless it replays a
     * trace, which may log each request's work.
     */
    record OneOfRequired(List<String> keys, String unlessKey, String unlessTag, String unlessValue) implements Condition {
        public OneOfRequired {
            keys = List.copyOf(keys);
        }
    }

    /** When {@code tag} is {@code value}, {@code key}'s value also keeps to {@code rule} (autoscaling's utilization target). */
    record Narrowed(String tag, String value, String key, ValueRule rule) implements Condition {
    }
}
