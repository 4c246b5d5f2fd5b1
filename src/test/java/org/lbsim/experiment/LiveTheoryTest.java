package org.lbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lbsim.balancing.Algorithms;
import org.lbsim.cluster.ClusterSnapshot;
import org.lbsim.metrics.Estimate;
import org.lbsim.support.ScenarioFiles;
import org.lbsim.theory.JoinShortestQueue;
import org.lbsim.theory.Queues;

/**
 * The window's theory, driven without a window: the closed form follows what changes live, and
 * the batch-means measurement restarts with each change and agrees with the form.
 */
class LiveTheoryTest {

    /** A live run driven as the window drives it: snapshots, chart intervals, the latency windows taken. */
    private static final class Driver {
        final LiveRun run;
        final LiveTheory theory;
        IntervalRecorder recorder;
        ClosedForm form;

        Driver(String file) {
            run = new LiveRun(ScenarioFiles.load(ScenarioFiles.VALIDATION.resolve(file)), Algorithms.standard());
            theory = new LiveTheory(run);
            recorder = new IntervalRecorder(run.latest());
            run.latencyTaken();
            form = theory.update(run.latest());
        }

        /** Runs to {@code end} in chart steps of {@code step} simulated seconds. */
        void runTo(double end, double step) {
            theory.refresh();
            for (double t = run.latest().time() + step; t <= end + 1e-9; t += step) {
                run.advanceTo(t);
                ClusterSnapshot snapshot = run.latest();
                var interval = recorder.next(snapshot);
                run.latencyTaken();
                form = theory.update(snapshot);
                theory.add(interval);
            }
        }
    }

    @Test
    void theMeasuredMeanAgreesWithTheFormItRunsUnder() {
        Driver driver = new Driver("mm1.yaml");
        driver.runTo(6000, 2);
        assertThat(((ClosedForm.Prediction) driver.form).model()).isEqualTo("M/M/1");
        Estimate measured = driver.theory.measured();
        assertThat(driver.theory.measuringFrom()).isEqualTo(600);
        assertThat(measured.count()).isGreaterThanOrEqualTo(BatchMeans.MAX_BATCHES / 2);
        // 37,800 requests: the interval is a few percent wide, and holds 1/(μ − λ) within two of its half-widths.
        assertThat(measured.relativeHalfWidth()).isLessThan(0.15);
        assertThat(measured.mean()).isCloseTo(Queues.mm1ResponseTime(7, 10), within(2 * measured.halfWidth95()));
    }

    @Test
    void aNewRateOrAlgorithmIsANewForm_andRestartsTheMeasurement() {
        Driver driver = new Driver("jsq-2.yaml");
        driver.runTo(700, 2);
        assertThat(((ClosedForm.Prediction) driver.form).responseTime())
                .isCloseTo(JoinShortestQueue.twoServerResponseTime(16, 10), within(1e-12));
        driver.run.control(c -> c.setRate("users", 10));
        driver.runTo(720, 2);
        assertThat(((ClosedForm.Prediction) driver.form).responseTime())
                .isCloseTo(JoinShortestQueue.twoServerResponseTime(10, 10), within(1e-12));
        assertThat(driver.theory.measuringFrom()).isCloseTo(702 + 600, within(1e-9));
        assertThat(driver.theory.measured().mean()).isNaN();
        driver.run.control(c -> c.setAlgorithm("random"));
        driver.runTo(740, 2);
        assertThat(((ClosedForm.Prediction) driver.form).model()).isEqualTo("2 × M/M/1 (random split)");
        assertThat(((ClosedForm.Prediction) driver.form).responseTime()).isCloseTo(Queues.mm1ResponseTime(5, 10), within(1e-12));
    }

    @Test
    void aServerDownOrAdded_isSaidAndFollowed() {
        Driver driver = new Driver("random-split.yaml");
        driver.runTo(10, 2);
        driver.run.control(c -> c.fail("web-1"));
        driver.runTo(12, 2);
        assertThat(((ClosedForm.NoClosedForm) driver.form).reasons()).containsExactly("server web-1 is not up (crash)");
        driver.run.control(c -> c.recover("web-1"));
        driver.run.control(c -> c.addServer("web-1-new-1", "web-1"));
        driver.runTo(14, 2);
        assertThat(((ClosedForm.NoClosedForm) driver.form).reasons()).contains(
                "the balancer sends nothing to server web-1-new-1 (not yet healthy, or draining)");
        // Health checks every 30 s by default, five passes to be healthy: three minutes on, three servers.
        driver.runTo(200, 2);
        assertThat(((ClosedForm.Prediction) driver.form).model()).isEqualTo("3 × M/M/1 (random split)");
    }

    @Test
    void aResetStartsOverFromTheWarmup() {
        Driver driver = new Driver("mm1.yaml");
        driver.run.control(c -> c.setRate("users", 5));
        driver.runTo(20, 2);
        assertThat(driver.theory.measuringFrom()).isEqualTo(2 + 600);
        driver.run.reset();
        driver.run.advanceTo(0);
        driver.theory.refresh();
        driver.run.advanceTo(0);
        driver.form = driver.theory.update(driver.run.latest());
        assertThat(driver.theory.measuringFrom()).isEqualTo(600);
        assertThat(((ClosedForm.Prediction) driver.form).responseTime()).isCloseTo(Queues.mm1ResponseTime(7, 10), within(1e-12));
    }
}
