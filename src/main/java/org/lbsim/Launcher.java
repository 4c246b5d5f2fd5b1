package org.lbsim;

import java.io.PrintWriter;
import org.lbsim.cli.Main;
import picocli.CommandLine;

/**
 * The jar's entry point: the headless command line plus the {@code ui} command. It lives
 * above both so that neither {@code cli} nor {@code ui} depends on the other, and it does not
 * extend JavaFX's {@code Application}, which a shaded jar could not start.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = Main.commandLine(args);
        if (!Main.namesOneSubcommand(args)) commandLine.addSubcommand("ui", new UiCommand());
        System.exit(Main.execute(commandLine, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }
}
