package org.lbsim.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lbsim.cluster.SystemFullException;
import org.lbsim.cluster.TraceReplayException;
import org.lbsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lbsim}: the entry point of the jar. */
@Command(name = "lbsim",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        versionProvider = Main.Version.class,
        description = "Discrete-event simulator of load-balanced clusters.")
public final class Main implements Callable<Integer> {

    /** Exit status for a user's mistake: a bad scenario or bad arguments. */
    static final int BAD_INPUT = 2;
    /** Exit status for anything else that went wrong. */
    static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The subcommands, in the order help lists them, each made only when needed: picocli builds
     * a command's model by reflection over its annotations, a large part of a short run's
     * start-up, so a command line that names one subcommand builds that one alone.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("run", RunCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("sweep", SweepCommand::new);
        commands.put("campaign", CampaignCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("theory", TheoryCommand::new);
        commands.put("algorithms", AlgorithmsCommand::new);
        commands.put("schema", SchemaCommand::new);
        commands.put("bench", BenchCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    public static void main(String[] args) {
        System.exit(execute(commandLine(args), args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The headless command line with every subcommand; the jar's launcher adds the {@code ui} command to it. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The headless command line for {@code args}: when they start with a headless subcommand
     * other than {@code help}, only that one (its help, errors and run are the same); otherwise
     * every subcommand, for the top-level help, {@code help}, {@code --version} and mistakes.
     */
    public static CommandLine commandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new Main());
        if (namesOneSubcommand(args)) {
            commandLine.addSubcommand(args[0], SUBCOMMANDS.get(args[0]).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        return commandLine;
    }

    /** Whether {@code args} start with a headless subcommand other than {@code help}, so that only it is needed. */
    public static boolean namesOneSubcommand(String[] args) {
        return args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help");
    }

    /** Runs the command line with the given streams and returns the exit status; what tests call. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(args), args, out, err);
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

    /**
     * {@code lbsim} alone: no command was given, which is a mistake in the arguments as any other
     * is, so the usage goes to standard error and the status is {@value #BAD_INPUT}; {@code --help}
     * asks for it and gets it on standard output with status 0.
     */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
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
