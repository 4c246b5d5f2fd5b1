package org.lbsim.ui;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.lbsim.cluster.spec.Scenario;

/** The JavaFX application: one main window on one scenario. */
public final class LbsimApp extends Application {

    /** The scenario the window opens when none is named: the reference system. */
    public static final Path DEFAULT_SCENARIO = Path.of("scenarios", "two-instances.yaml");

    /**
     * JavaFX warns at every start, through its java.util.logging logger "javafx", that its
     * classes were loaded from the unnamed module. They are, by design: lbsim ships one shaded
     * jar with JavaFX on the class path, which {@code java -jar} runs as is. The filter drops
     * that one record and lets every other JavaFX message through. The logger is held in a
     * field because java.util.logging holds loggers weakly: once collected, the one JavaFX
     * asks for would come back without the filter.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration: classes were loaded from 'unnamed module";

    /**
     * The signals that end a window from outside: {@code kill}, Ctrl+C in its terminal, the
     * terminal closed. Each closes the window in order instead of the JVM's default, which starts
     * the shutdown at once: JavaFX's shutdown hook then stops its renderer while the JavaFX
     * thread may be in a pulse, whose paint job the stopped renderer rejects, and JavaFX prints
     * that rejection's stack trace.
     */
    private static final List<String> CLOSING_SIGNALS = List.of("TERM", "INT", "HUP");
    /** How long a signal waits for the window to close in order before the JVM exits regardless. */
    private static final long CLOSE_GRACE_SECONDS = 5;

    // Application.launch builds the instance itself, so the scenario is handed over here.
    private static Path initialFile;
    private static Scenario initialScenario;
    /** The two algorithms to open side by side, or empty for one run. */
    private static List<String> initialComparison = List.of();
    private static volatile MainWindow window;
    /** The signal that closed the window, if one did: its number, which the exit status carries. */
    private static volatile int stoppedBySignal;

    /** Drops JavaFX's warning that it runs from the class path (as the shaded jar does by design), and only that. */
    static void quietClassPathWarning() {
        JAVAFX_LOGGER.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(CLASS_PATH_WARNING));
    }

    /**
     * Opens the window and returns when it is closed.
     *
     * @return the exit status: 0 when the window was closed, 128 + the signal's number when a
     *     signal closed it (the shell's convention)
     * @throws WindowUnavailableException when this machine cannot show a window: no display, or
     *     not the libraries JavaFX draws with; its message says what to install or run instead
     */
    public static int show(Path file, Scenario scenario) throws WindowUnavailableException {
        return show(file, scenario, List.of());
    }

    /**
     * Opens the window, on two algorithms side by side when {@code comparison} names two (checked
     * by the caller against the registry), and returns when it is closed; as {@link #show(Path, Scenario)}.
     */
    public static int show(Path file, Scenario scenario, List<String> comparison) throws WindowUnavailableException {
        initialComparison = List.copyOf(comparison);
        initialFile = file;
        initialScenario = scenario;
        quietClassPathWarning();
        CountDownLatch closed = new CountDownLatch(1);
        for (String name : CLOSING_SIGNALS) closeOn(name, closed);
        try {
            Application.launch(LbsimApp.class);
        } catch (RuntimeException e) {
            throw WindowUnavailableException.recognise(e).orElseThrow(() -> e);
        } finally {
            closed.countDown();
        }
        return stoppedBySignal == 0 ? 0 : 128 + stoppedBySignal;
    }

    /**
     * On signal {@code name}: the simulation thread stops, then JavaFX exits as when the last
     * window closes (its pulses stop before its renderer does), and {@link #show} returns. A
     * toolkit that does not stop within {@value #CLOSE_GRACE_SECONDS} seconds (a modal dialog
     * that holds it, say) does not keep the process alive: the JVM exits then. A signal that
     * cannot be handled here (the JVM started with -Xrs, or an OS without it) keeps its default.
     */
    private static void closeOn(String name, CountDownLatch closed) {
        onSignal(name, number -> {
            stoppedBySignal = number;
            MainWindow shown = window;
            if (shown != null) shown.run().close();
            Platform.exit();
            try {
                if (!closed.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) System.exit(128 + number);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Runs {@code handler} with the signal's number, on a thread of the JVM's, when signal
     * {@code name} arrives, through {@code sun.misc.Signal} (module jdk.unsupported, the JDK's
     * supported way to handle a signal). By reflection: compiled against directly, it draws a
     * warning that no annotation silences, at every build.
     */
    private static void onSignal(String name, IntConsumer handler) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerInterface = Class.forName("sun.misc.SignalHandler");
            Method number = signalClass.getMethod("getNumber");
            Object proxy = Proxy.newProxyInstance(LbsimApp.class.getClassLoader(), new Class<?>[] {handlerInterface},
                    (self, method, arguments) -> switch (method.getName()) {
                        case "handle" -> {
                            handler.accept((Integer) number.invoke(arguments[0]));
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == arguments[0];
                        default -> "closes the lbsim window on SIG" + name;
                    });
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            signalClass.getMethod("handle", signalClass, handlerInterface).invoke(null, signal, proxy);
        } catch (ReflectiveOperationException | LinkageError e) {
            // No such signal here, or one the JVM keeps (started with -Xrs): its default stays.
        }
    }

    /** The window on a scenario, on two algorithms side by side when {@code comparison} names two, shown. */
    static MainWindow open(Stage stage, Messages messages, Path file, Scenario scenario, List<String> comparison) {
        MainWindow opened = new MainWindow(stage, messages, file, scenario);
        if (comparison.size() == 2) opened.compare(comparison.get(0), comparison.get(1));
        opened.show();
        return opened;
    }

    @Override
    public void start(Stage stage) {
        window = open(stage, new Messages(), initialFile, initialScenario, initialComparison);
    }
}
