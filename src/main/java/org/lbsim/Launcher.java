package org.lbsim;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.lbsim.cli.Main;
import picocli.CommandLine;

/**
 * The jar's entry point: the headless command line plus the {@code ui} command. It lives
 * above both so that neither {@code cli} nor {@code ui} depends on the other, and it does not
 * extend JavaFX's {@code Application}, which a shaded jar could not start.
 *
 * <p>Started from a desktop (a double-click on the jar or on the app image's launcher: no
 * arguments and no terminal) it opens the window, as {@code lbsim ui} does; started from a
 * terminal it is the command line, which prints its usage when given nothing to do.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        boolean desktop = opensWindow(args, System.console() != null,
                hasScreen(System.getProperty("os.name", ""), System.getenv()));
        String[] arguments = desktop ? new String[] {"ui"} : args;
        CommandLine commandLine = Main.commandLine(arguments);
        if (!Main.namesOneSubcommand(arguments)) commandLine.addSubcommand("ui", new UiCommand());
        System.exit(Main.execute(commandLine, arguments, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Whether this start opens the window instead of the command line. A desktop starts a jar
     * with no arguments and no terminal ({@code System.console()} is null when standard input or
     * output is not one); a script that runs lbsim without a screen to show a window on (a
     * Linux server, CI) gets the usage and status 2, as a terminal does.
     */
    static boolean opensWindow(String[] args, boolean terminal, boolean screen) {
        return args.length == 0 && !terminal && screen;
    }

    /**
     * Whether a window can be shown: always on Windows and macOS; elsewhere only with an X or
     * Wayland display named in the environment.
     */
    static boolean hasScreen(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return true;
        return !environment.getOrDefault("DISPLAY", "").isEmpty()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
    }
}
