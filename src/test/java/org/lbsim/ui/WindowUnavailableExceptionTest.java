package org.lbsim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A machine that cannot show the window is told what it lacks and how to get it, from the
 * exceptions JavaFX's toolkit throws at start, as {@code Application.launch} passes them on.
 */
class WindowUnavailableExceptionTest {

    @Test
    void noDisplayIsRecognisedAndAnsweredWithXvfbRun() {
        var failure = WindowUnavailableException.recognise(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertThat(failure).hasValueSatisfying(e -> {
            assertThat(e.missing()).isEqualTo(WindowUnavailableException.Missing.DISPLAY);
            assertThat(e.getMessage().replace('\n', ' ')).contains("no graphical display", "\"Unable to open DISPLAY\"",
                    "xvfb-run -a ./lbsim ui", "xorg-x11-server-Xvfb",
                    "sudo apt-get install " + WindowUnavailableException.DEBIAN_LIBRARIES,
                    "sudo dnf install " + WindowUnavailableException.FEDORA_LIBRARIES);
        });
    }

    @Test
    void noGtkIsRecognisedAndAnsweredWithThePackagesToInstall() {
        var failure = WindowUnavailableException.recognise(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(failure).hasValueSatisfying(e -> {
            assertThat(e.missing()).isEqualTo(WindowUnavailableException.Missing.LIBRARIES);
            assertThat(e.getMessage().replace('\n', ' ')).contains("could not load GTK 3", "\"Unable to load glass GTK library.\"",
                    "sudo apt-get install libgtk-3-0 libxtst6 libgl1 libxxf86vm1",
                    "sudo dnf install gtk3 libXtst mesa-libGL libXxf86vm");
        });
    }

    @Test
    void aMissingNativeLibraryWrappedByTheLauncherIsRecognisedWithoutItsSearchPath() {
        // Application.launch wraps an Error of its launcher thread in a RuntimeException.
        var linkError = new UnsatisfiedLinkError("no glass in java.library.path: /usr/java/packages/lib:/usr/lib64:/lib64");
        var failure = WindowUnavailableException.recognise(new RuntimeException("Application launch error", linkError));
        assertThat(failure).hasValueSatisfying(e -> {
            assertThat(e.missing()).isEqualTo(WindowUnavailableException.Missing.LIBRARIES);
            assertThat(e.getMessage().replace('\n', ' ')).contains("\"no glass in java.library.path\"").doesNotContain("/usr/lib64");
        });
    }

    @Test
    void aFailureOfLbsimItselfIsNotTakenForAMissingPieceOfTheSystem() {
        var bug = new RuntimeException("Exception in Application start method", new NullPointerException("window"));
        assertThat(WindowUnavailableException.recognise(bug)).isEmpty();
        assertThat(WindowUnavailableException.recognise(new IllegalStateException((String) null))).isEmpty();
    }

    @Test
    void theParagraphFitsATerminalAndKeepsEachCommandOnOneLine() {
        for (var missing : WindowUnavailableException.Missing.values()) {
            String paragraph = WindowUnavailableException.paragraph(missing, "Unable to open DISPLAY");
            var lines = Arrays.asList(paragraph.split("\n"));
            assertThat(lines).as("one paragraph: no blank line").noneMatch(String::isBlank).hasSizeGreaterThan(1);
            assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WindowUnavailableException.WIDTH));
            assertThat(lines).anyMatch(line -> line.contains("sudo apt-get install " + WindowUnavailableException.DEBIAN_LIBRARIES))
                    .anyMatch(line -> line.contains("sudo dnf install " + WindowUnavailableException.FEDORA_LIBRARIES))
                    .anyMatch(line -> line.contains("xvfb-run -a ./lbsim ui"));
            assertThat(paragraph).doesNotContain("\u00a0");
        }
    }
}
