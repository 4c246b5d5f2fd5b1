package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code lbsim ui} on a machine with no display, as a classroom's server or a CI runner is: the
 * real entry point in a JVM of its own, with JavaFX's real (GTK) toolkit rather than the tests'
 * headless one, and no {@code DISPLAY}.
 */
class UiWithoutDisplayTest {

    @Test
    void withNoDisplayTheUiCommandPrintsWhatToDoAndExitsWithStatusOne() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.lbsim.Launcher", "ui", LbsimApp.DEFAULT_SCENARIO.toString());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();

        String errors = new String(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(errors).isEqualTo(1);
        assertThat(errors).contains("lbsim ui: the window cannot open: there is no graphical display", "xvfb-run -a ./lbsim ui")
                .as("no stack trace, no internal error").doesNotContain("\tat ", "Exception", "internal error")
                .as("no warning about the class path, which is lbsim's by design").doesNotContain("Unsupported JavaFX configuration");
        assertThat(new String(out, StandardCharsets.UTF_8)).isEmpty();
        assertThat(List.of(errors.strip().split("\n"))).as("one paragraph").noneMatch(String::isBlank);
    }
}
