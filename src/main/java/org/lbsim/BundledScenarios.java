package org.lbsim;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.lbsim.ui.LbsimApp;

/** The shipped scenarios the jar carries, for a window started where no scenarios folder is. */
final class BundledScenarios {

    /** Where in the jar the shipped scenarios are. */
    static final String FOLDER = "org/lbsim/scenarios/";

    private BundledScenarios() {
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
        CodeSource source = BundledScenarios.class.getProtectionDomain().getCodeSource();
        if (source == null) throw new IOException("cannot tell where lbsim's classes are");
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where lbsim's classes are: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the scenarios under {@link #FOLDER} of {@code codeSource} (a jar or a
     * classes folder) into {@code folder}, keeping their relative paths (a trace scenario names
     * its log file relative to itself), and returns the files written.
     */
    static List<Path> unpackScenarios(Path codeSource, Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        if (Files.isDirectory(codeSource)) {
            Path root = codeSource.resolve(FOLDER);
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
                    if (entry.isDirectory() || !entry.getName().startsWith(FOLDER)) continue;
                    try (InputStream in = jar.getInputStream(entry)) {
                        written.add(write(folder, entry.getName().substring(FOLDER.length()), in));
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
