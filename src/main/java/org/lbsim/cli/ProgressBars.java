package org.lbsim.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.lbsim.experiment.Progress;

/**
 * An experiment's progress as a bar on standard error, counting runs; or nothing at all when
 * there is no terminal to draw it on (a pipe, CI, a test) or {@code --quiet} was given.
 */
final class ProgressBars implements Progress, AutoCloseable {

    /** Absent when there is nothing to draw on. */
    private final ProgressBar bar;

    private ProgressBars(ProgressBar bar) {
        this.bar = bar;
    }

    static ProgressBars create(String task, boolean visible) {
        if (!visible) return new ProgressBars(null);
        return new ProgressBars(new ProgressBarBuilder().setTaskName(task).setInitialMax(0)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" runs", 1).build());
    }

    @Override
    public void planned(long runs) {
        if (bar != null) bar.maxHint(runs);
    }

    @Override
    public void runEnded() {
        if (bar != null) bar.step();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
