package org.lbsim.cli;

import java.util.Iterator;
import org.lbsim.metrics.Metric;

/**
 * The names of the metrics lbsim estimates, as the options that take a metric know them: picocli
 * lists them where such an option's help says {@code ${COMPLETION-CANDIDATES}}, and offers them
 * to shell completion, so the help never writes the list out a second time.
 */
final class MetricNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Metric.names().iterator();
    }
}
