package org.lbsim.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.lbsim.cluster.spec.Scenario;

/** The JavaFX application: one main window on one scenario. */
public final class LbsimApp extends Application {

    /** The scenario the window opens when none is named: the reference system. */
    public static final Path DEFAULT_SCENARIO = Path.of("scenarios", "two-instances.yaml");

    // Application.launch builds the instance itself, so the scenario is handed over here.
    private static Path initialFile;
    private static Scenario initialScenario;

    /** Opens the window and returns when it is closed. */
    public static void show(Path file, Scenario scenario) {
        initialFile = file;
        initialScenario = scenario;
        Application.launch(LbsimApp.class);
    }

    @Override
    public void start(Stage stage) {
        new MainWindow(stage, new Messages(), initialFile, initialScenario).show();
    }
}
