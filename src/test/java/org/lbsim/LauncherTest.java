package org.lbsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the jar starts: the window from a desktop, the command line from a terminal or a script. */
class LauncherTest {

    private static final String[] NO_ARGUMENTS = {};

    @Test
    void noArgumentsNoTerminalAndAScreen_opensTheWindow() {
        assertThat(Launcher.opensWindow(NO_ARGUMENTS, false, true)).isTrue();
    }

    @Test
    void aTerminal_keepsTheCommandLine_soThatLbsimAlonePrintsItsUsage() {
        assertThat(Launcher.opensWindow(NO_ARGUMENTS, true, true)).isFalse();
    }

    @Test
    void anyArgument_keepsTheCommandLine() {
        assertThat(Launcher.opensWindow(new String[] {"run", "scenarios/two-instances.yaml"}, false, true)).isFalse();
        assertThat(Launcher.opensWindow(new String[] {"--version"}, false, true)).isFalse();
    }

    @Test
    void noScreen_keepsTheCommandLine_evenWithoutATerminal() {
        assertThat(Launcher.opensWindow(NO_ARGUMENTS, false, false)).isFalse();
    }

    @Test
    void windowsAndMacOs_alwaysHaveAScreen() {
        assertThat(Launcher.hasScreen("Windows 11", Map.of())).isTrue();
        assertThat(Launcher.hasScreen("Mac OS X", Map.of())).isTrue();
    }

    @Test
    void linux_hasAScreenOnlyWithADisplayNamed() {
        assertThat(Launcher.hasScreen("Linux", Map.of())).isFalse();
        assertThat(Launcher.hasScreen("Linux", Map.of("DISPLAY", ""))).isFalse();
        assertThat(Launcher.hasScreen("Linux", Map.of("DISPLAY", ":0"))).isTrue();
        assertThat(Launcher.hasScreen("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isTrue();
    }

    /** The build copies scenarios/ into the classes; a window with no scenarios folder at hand opens that copy. */
    @Test
    void theBundledScenarios_areTheShippedOnes(@TempDir Path folder) throws IOException {
        List<Path> written = BundledScenarios.unpackScenarios(Path.of("target", "classes"), folder);

        assertThat(relativeFiles(folder)).isEqualTo(relativeFiles(Path.of("scenarios"))).contains("two-instances.yaml",
                "data/apache_access_sample.log");
        assertThat(written).hasSize(relativeFiles(folder).size());
        for (String file : relativeFiles(folder)) {
            assertThat(folder.resolve(file)).as(file).hasSameBinaryContentAs(Path.of("scenarios", file));
        }
    }

    @Test
    void fromAJar_onlyTheScenariosAreUnpacked_underTheirRelativePaths(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("lbsim.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "org/lbsim/Launcher.class", "classes");
            add(out, BundledScenarios.FOLDER + "two-instances.yaml", "name: two");
            add(out, BundledScenarios.FOLDER + "data/trace.log", "a trace");
        }
        Path folder = Files.createDirectory(temp.resolve("unpacked"));

        BundledScenarios.unpackScenarios(jar, folder);

        assertThat(relativeFiles(folder)).containsExactly("data/trace.log", "two-instances.yaml");
        assertThat(folder.resolve("two-instances.yaml")).hasContent("name: two");
    }

    @Test
    void aJarWithoutScenarios_isAnError(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("lbsim.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "org/lbsim/Launcher.class", "classes");
        }

        assertThatThrownBy(() -> BundledScenarios.unpackScenarios(jar, temp)).isInstanceOf(IOException.class)
                .hasMessageContaining("carries no scenarios");
    }

    private static void add(JarOutputStream jar, String name, String content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }
}
