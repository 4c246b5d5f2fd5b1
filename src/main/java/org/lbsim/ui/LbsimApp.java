package org.lbsim.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.lbsim.scenario.Scenario;

/** The JavaFX application: one main window on one scenario. */
public final class LbsimApp extends Application {

    // Application.launch builds the instance itself, so the scenario is handed over here.
    private static Path initialFile;
    private static Scenario initialScenario;

    /** Opens the window and returns when it is closed. */
    static void show(Path file, Scenario scenario) {
        initialFile = file;
        initialScenario = scenario;
        Application.launch(LbsimApp.class);
    }

    @Override
    public void start(Stage stage) {
        new MainWindow(stage, new Messages(), initialFile, initialScenario).show();
    }
}
