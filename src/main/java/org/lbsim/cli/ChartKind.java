package org.lbsim.cli;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/** The charts {@code --chart} can draw; each command allows those its results can feed. */
enum ChartKind {
    /** One run over time: latency, utilization, throughput and errors. */
    TIME,
    /** The latency CDF per configuration. */
    CDF,
    /** Latency percentiles per configuration, with error bars. */
    BARS,
    /** A metric against the swept value, with confidence bands. */
    LOAD;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the lower-case names the help shows. */
    static final class Converter implements CommandLine.ITypeConverter<ChartKind> {
        @Override
        public ChartKind convert(String value) {
            return Arrays.stream(values()).filter(kind -> kind.toString().equals(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "found '" + value + "', expected one of " + Arrays.toString(values())));
        }
    }
}
