package org.lbsim.scenario;

/**
 * One key of a scenario map, declared once: its name, the rule of its value, whether it is
 * required, its default and what it means. The binder reads the key through it; the schema and
 * the reference's key tables are checked against it.
 *
 * @param missing      for a required key, what the problem of its absence says is expected
 * @param defaultValue the value taken when the key is absent (null when none or not a constant)
 * @param defaultText  the default as a scenario writes it ({@code 30s}, {@code 1}), or null when
 *                     the default is not a value one could write (unlimited, the first listener)
 * @param description  what the key means, in one line
 */
record Key<T>(String name, ValueRule rule, boolean required, String missing, T defaultValue, String defaultText,
              String description) {

    /** An optional key read by its scalar rule, with a default a scenario could write. */
    static <T> Key<T> optional(String name, ValueRule.Scalar<T> rule, T defaultValue, String defaultText,
                               String description) {
        return new Key<>(name, rule, false, null, defaultValue, defaultText, description);
    }

    /** A required key read by its scalar rule; {@code missing} says what its absence lacks. */
    static <T> Key<T> required(String name, ValueRule.Scalar<T> rule, String missing, String description) {
        return new Key<>(name, rule, true, missing, null, null, description);
    }

    /** A key the binder reads with code of its own (a list, a map, a reference), described by {@code rule}. */
    static Key<Void> described(String name, ValueRule rule, boolean required, String description) {
        return new Key<>(name, rule, required, null, null, null, description);
    }

    /** The key's scalar rule; an error for a key the binder reads with code of its own. */
    @SuppressWarnings("unchecked")
    ValueRule.Scalar<T> scalar() {
        if (rule instanceof ValueRule.Scalar<?> scalar) return (ValueRule.Scalar<T>) scalar;
        throw new IllegalStateException("key '" + name + "' has no scalar rule");
    }
}
