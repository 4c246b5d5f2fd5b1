package org.lbsim;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.lbsim.cli.Main;
import org.lbsim.ui.LbsimApp;
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

    /** Where in the jar the shipped scenarios are, for a window started where no scenarios folder is. */
    static final String BUNDLED_SCENARIOS = "org/lbsim/scenarios/";

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

    /**
     * The scenario {@code lbsim ui} opens when none is named: {@code scenarios/two-instances.yaml}
     * where lbsim was started; else, since a downloaded jar usually stands alone (and a
     * double-click starts it in no particular folder), the jar's own copy of the shipped
     * scenarios, unpacked into a temporary folder that is removed at exit.
     */
    static Path defaultScenario() throws IOException {
        if (Files.isRegularFile(LbsimApp.DEFAULT_SCENARIO)) return LbsimApp.DEFAULT_SCENARIO;
        Path folder = Files.createTempDirectory("lbsim-scenarios-");
        folder.toFile().deleteOnExit();
        for (Path file : unpackScenarios(codeSource(), folder)) deleteOnExit(folder, file);
        return folder.resolve(LbsimApp.DEFAULT_SCENARIO.getFileName());
    }

    /** The jar lbsim runs from, or the classes folder when it runs from a build. */
    private static Path codeSource() throws IOException {
        CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
        if (source == null) throw new IOException("cannot tell where lbsim's classes are");
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where lbsim's classes are: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the scenarios under {@link #BUNDLED_SCENARIOS} of {@code codeSource} (a jar or a
     * classes folder) into {@code folder}, keeping their relative paths (a trace scenario names
     * its log file relative to itself), and returns the files written.
     */
    static List<Path> unpackScenarios(Path codeSource, Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        if (Files.isDirectory(codeSource)) {
            Path root = codeSource.resolve(BUNDLED_SCENARIOS);
            if (!Files.isDirectory(root)) throw new IOException(root + " is missing");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        written.add(write(folder, root.relativize(file).toString().replace(File.separatorChar, '/'), in));
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(codeSource.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(BUNDLED_SCENARIOS)) continue;
                    try (InputStream in = jar.getInputStream(entry)) {
                        written.add(write(folder, entry.getName().substring(BUNDLED_SCENARIOS.length()), in));
                    }
                }
            }
        }
        if (written.isEmpty()) throw new IOException(codeSource + " carries no scenarios");
        return written;
    }

    private static Path write(Path folder, String relative, InputStream in) throws IOException {
        Path target = folder.resolve(relative).normalize();
        if (!target.startsWith(folder)) throw new IOException("a scenario path leaves its folder: " + relative);
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
        return target;
    }

    /** Marks a file and the folders between it and {@code folder} for removal at exit, each folder before what it holds. */
    private static void deleteOnExit(Path folder, Path file) {
        // The JVM removes what was marked in the reverse order of marking, so outer folders are marked first.
        List<Path> folders = new ArrayList<>();
        for (Path dir = file.getParent(); !dir.equals(folder); dir = dir.getParent()) folders.add(0, dir);
        for (Path dir : folders) dir.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
    }
}
