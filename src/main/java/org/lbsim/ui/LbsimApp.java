package org.lbsim.ui;

import java.nio.file.Path;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import javafx.application.Application;
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

    // Application.launch builds the instance itself, so the scenario is handed over here.
    private static Path initialFile;
    private static Scenario initialScenario;

    private MainWindow window;

    /**
     * Opens the window and returns when it is closed.
     *
     * @throws WindowUnavailableException when this machine cannot show a window: no display, or
     *     not the libraries JavaFX draws with; its message says what to install or run instead
     */
    public static void show(Path file, Scenario scenario) throws WindowUnavailableException {
        initialFile = file;
        initialScenario = scenario;
        JAVAFX_LOGGER.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(CLASS_PATH_WARNING));
        try {
            Application.launch(LbsimApp.class);
        } catch (RuntimeException e) {
            throw WindowUnavailableException.recognise(e).orElseThrow(() -> e);
        }
    }

    @Override
    public void start(Stage stage) {
        quietAtShutdown(Thread.currentThread());
        window = new MainWindow(stage, new Messages(), initialFile, initialScenario);
        // On SIGTERM (or Ctrl+C) the simulation thread stops first; it would die with the JVM
        // anyway, as a daemon, but not between two of its events.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> window.run().close(), "lbsim-window-shutdown"));
        window.show();
    }

    /**
     * Keeps a SIGTERM while the window plays from printing a stack trace. JavaFX's own shutdown
     * hook stops its renderer's executor while the JavaFX thread may be in a pulse, whose next
     * paint job the stopped executor then rejects; the thread reports that as an uncaught
     * exception. Once the JVM is shutting down, that rejection is the expected end of painting,
     * and it alone is dropped; everything else goes to the handler the thread had.
     */
    private static void quietAtShutdown(Thread fxThread) {
        Thread.UncaughtExceptionHandler previous = fxThread.getUncaughtExceptionHandler();
        fxThread.setUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof RejectedExecutionException && jvmShuttingDown()) return;
            previous.uncaughtException(thread, failure);
        });
    }

    /** Whether the JVM has begun to shut down: it then refuses new shutdown hooks, as Runtime documents. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
