package org.lbsim.ui;

import java.util.Optional;

/**
 * The window cannot open on this machine: no display, or not the system libraries JavaFX draws
 * with. Its message is one paragraph for the person at the keyboard: what is missing and what
 * to install or run instead. It is recognised from the exception JavaFX throws when its toolkit
 * fails to start; a failure it does not recognise stays what it was, an internal error.
 */
public final class WindowUnavailableException extends Exception {

    /** What is missing, each with the start of the message JavaFX's toolkit fails with. */
    enum Missing {
        /** {@code DISPLAY} unset, or no X server answering there (glass GTK opens the display first). */
        DISPLAY,
        /** GTK 3, or a library it or JavaFX's other natives link against (X11, Xtst, GL). */
        LIBRARIES
    }

    /**
     * What JavaFX 21's Linux natives link against beyond the C library: GTK 3 and its stack
     * (glass), libXtst (glass, for its robot), libGL and libXxf86vm (the hardware pipeline, which
     * falls back to software without them). The GTK packages pull in X11, Pango, Cairo and GLib.
     */
    static final String DEBIAN_LIBRARIES = "libgtk-3-0 libxtst6 libgl1 libxxf86vm1";
    static final String FEDORA_LIBRARIES = "gtk3 libXtst mesa-libGL libXxf86vm";
    /** Lines of the paragraph are at most this long: a terminal's width. */
    static final int WIDTH = 80;
    /** Joins the words of a command while the paragraph is wrapped; a plain space once it is. */
    private static final char UNBROKEN_SPACE = '\u00a0';

    private final Missing missing;

    private WindowUnavailableException(Missing missing, String toolkitSaid) {
        super(paragraph(missing, toolkitSaid));
        this.missing = missing;
    }

    Missing missing() {
        return missing;
    }

    /**
     * What {@code failure}, thrown by {@code Application.launch}, says is missing, if it is
     * one of the failures of a machine rather than of lbsim. The launcher wraps errors of its
     * own thread (an {@link UnsatisfiedLinkError} among them) in a {@link RuntimeException}, so
     * the whole chain of causes is read.
     */
    static Optional<WindowUnavailableException> recognise(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Unable to open DISPLAY")) {
                return Optional.of(new WindowUnavailableException(Missing.DISPLAY, firstLine(message)));
            }
            if (message.contains("Unable to load glass GTK library") || message.contains("no suitable pipeline found")
                    || cause instanceof UnsatisfiedLinkError) {
                return Optional.of(new WindowUnavailableException(Missing.LIBRARIES, firstLine(message)));
            }
        }
        return Optional.empty();
    }

    /**
     * One paragraph, wrapped for a terminal: what is missing, how to install it on Debian/Ubuntu
     * and Fedora, or how to do without.
     */
    static String paragraph(Missing missing, String toolkitSaid) {
        String libraries = "on Debian/Ubuntu: " + command("sudo apt-get install " + DEBIAN_LIBRARIES) + "; on Fedora: "
                + command("sudo dnf install " + FEDORA_LIBRARIES);
        String xvfb = command("xvfb-run -a ./lbsim ui");
        String text = switch (missing) {
            case DISPLAY -> "lbsim ui: the window cannot open: there is no graphical display (DISPLAY is not set, or no"
                    + " X server answers at it; JavaFX said \"" + toolkitSaid + "\"). Run it from a desktop session, or,"
                    + " on a machine without one, under a virtual display: " + xvfb + " (xvfb-run comes with"
                    + " the packages xvfb and xauth on Debian/Ubuntu, xorg-x11-server-Xvfb and xorg-x11-xauth on"
                    + " Fedora). The window also needs GTK 3, " + libraries + ".";
            case LIBRARIES -> "lbsim ui: the window cannot open: JavaFX could not load GTK 3 or the libraries it draws"
                    + " windows with on Linux (JavaFX said \"" + toolkitSaid + "\"). Install them, " + libraries
                    + "; then run " + command("./lbsim ui") + " again (on a machine without a desktop: " + xvfb + ").";
        };
        return wrap(text + " The headless commands (run, compare, sweep) need none of this.");
    }

    /** A command to paste: the wrapping keeps it on one line. */
    private static String command(String text) {
        return text.replace(' ', UNBROKEN_SPACE);
    }

    /**
     * Breaks {@code text} between words into lines of at most {@value #WIDTH} characters, never
     * inside a {@link #command}.
     */
    static String wrap(String text) {
        StringBuilder lines = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (lines.length() > lineStart && lines.length() - lineStart + 1 + word.length() > WIDTH) {
                lines.append('\n');
                lineStart = lines.length();
            } else if (lines.length() > lineStart) {
                lines.append(' ');
            }
            lines.append(word);
        }
        return lines.toString().replace(UNBROKEN_SPACE, ' ');
    }

    /** The toolkit's first line, without the library path an {@link UnsatisfiedLinkError} lists after it. */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int path = line.indexOf("java.library.path");
        return (path < 0 ? line : line.substring(0, path + "java.library.path".length())).strip();
    }
}
