package org.lbsim.trace;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The text formats a trace can be written in, by the names scenario files use. */
public enum TraceFormat {
    /** A header line naming the columns, then one request per line: {@code time} required. */
    CSV("csv"),
    /** Apache's Common Log Format: {@code host ident authuser [date] "request" status bytes}. */
    COMMON("common"),
    /** Apache's and NGINX's combined format: common, then {@code "referer" "user-agent"}, then optionally NGINX's request time. */
    COMBINED("combined");

    private final String key;

    TraceFormat(String key) {
        this.key = key;
    }

    /** The format a scenario names, such as {@code "combined"}; names are exact, in lower case. */
    public static Optional<TraceFormat> byName(String name) {
        for (TraceFormat format : values()) {
            if (format.key.equals(name)) return Optional.of(format);
        }
        return Optional.empty();
    }

    /** The known names, for an error message: {@code "csv, common, combined"}. */
    public static String names() {
        return Arrays.stream(values()).map(TraceFormat::key).collect(Collectors.joining(", "));
    }

    /** The name a scenario file uses for this format. */
    public String key() {
        return key;
    }
}
