package org.lbsim.cli;

import java.io.PrintWriter;
import org.lbsim.cluster.SystemFullException;
import org.lbsim.cluster.TraceReplayException;
import org.lbsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lbsim}: the entry point of the jar. */
@Command(name = "lbsim",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Discrete-event simulator of load-balanced clusters.",
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, ValidateCommand.class, AlgorithmsCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for a user's mistake: a bad scenario or bad arguments. */
    static final int BAD_INPUT = 2;
    /** Exit status for anything else that went wrong. */
    static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(commandLine(), args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The headless command line; the jar's launcher adds the {@code ui} command to it. */
    public static CommandLine commandLine() {
        // Help texts are constants; picocli fills ${sys:lbsim.metrics} in when it prints them, so
        // the declared metrics are listed (by run and sweep) without being written out twice.
        System.setProperty("lbsim.metrics", String.join(", ", org.lbsim.metrics.Metric.names()));
        return new CommandLine(new Main());
    }

    /** Runs the command line with the given streams and returns the exit status; what tests call. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(), args, out, err);
    }

    /** Runs a command line built by {@link #commandLine()} and returns the exit status. */
    public static int execute(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter errors = cmd.getErr();
            if (exception instanceof ScenarioException) {
                errors.println(exception.getMessage());
                return BAD_INPUT;
            }
            if (exception instanceof TraceReplayException) {
                errors.println(exception.getMessage()); // file:line:column: found ..., expected ...
                return BAD_INPUT;
            }
            if (exception instanceof UserInputException || exception instanceof SystemFullException) {
                errors.println("lbsim: " + exception.getMessage());
                return exception instanceof UserInputException ? BAD_INPUT : FAILURE;
            }
            errors.println("lbsim: internal error (please report it with the scenario): " + exception);
            exception.printStackTrace(errors);
            return FAILURE;
        });
        int status = commandLine.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"lbsim " + (version == null ? "development" : version)};
        }
    }
}
