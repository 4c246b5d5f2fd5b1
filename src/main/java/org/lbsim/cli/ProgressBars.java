package org.lbsim.cli;

import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.lbsim.experiment.Progress;

/**
 * An experiment's progress as a bar on standard error, counting the runs done against those to do,
 * with the estimated time left and, for a resumed campaign, the runs stored already; or nothing at all when
 * there is no terminal to draw it on (a pipe, CI, a test) or {@code --quiet} was given.
 */
final class ProgressBars implements Progress, AutoCloseable {

    /** Empty when there is nothing to draw on. */
    private final Optional<ProgressBar> bar;

    private ProgressBars(Optional<ProgressBar> bar) {
        this.bar = bar;
    }

    static ProgressBars create(String task, boolean visible) {
        if (!visible) return new ProgressBars(Optional.empty());
        return new ProgressBars(Optional.of(new ProgressBarBuilder().setTaskName(task).setInitialMax(0)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" runs", 1).build()));
    }

    @Override
    public void planned(long runs) {
        bar.ifPresent(b -> b.maxHint(runs));
    }

    @Override
    public void runEnded() {
        bar.ifPresent(ProgressBar::step);
    }

    /** Beside the count of runs done and the time left, how many a resumed campaign had stored already. */
    @Override
    public void skipped(long runs) {
        if (runs > 0) bar.ifPresent(b -> b.setExtraMessage(String.format("(%,d stored already)", runs)));
    }

    /** Draws the bar a last time and lets go of the terminal; more calls do nothing. */
    @Override
    public void close() {
        if (!closed) bar.ifPresent(ProgressBar::close);
        closed = true;
    }

    private boolean closed;
}
