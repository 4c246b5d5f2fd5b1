package org.lbsim.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.lbsim.experiment.LiveRun;
import org.lbsim.experiment.SavedScenarios;

/**
 * File → Save scenario as… and File → Save lesson as…: from the window back to a scenario
 * file. The lesson is the open scenario with what was clicked as its {@code events:}, which
 * {@code lbsim run} replays to the numbers the class saw; the scenario is the cluster's
 * configuration now. The dialogs only pick a path: {@link #saveLesson(Path)} and
 * {@link #saveScenario(Path)} do the work and show what went wrong (tests call them, as native
 * dialogs cannot be driven headless).
 */
final class ScenarioSaving {

    private final Window owner;
    private final Messages messages;
    private final Supplier<LiveRun> run;
    private final Supplier<Path> openFile;
    private final Consumer<String> error;

    /**
     * @param run      the run now (the window replaces it when a scenario is opened)
     * @param openFile the file that run's scenario came from: default names and folders come from it
     * @param error    shows a message to the user
     */
    ScenarioSaving(Window owner, Messages messages, Supplier<LiveRun> run, Supplier<Path> openFile,
                   Consumer<String> error) {
        this.owner = owner;
        this.messages = messages;
        this.run = run;
        this.openFile = openFile;
        this.error = error;
    }

    MenuItem saveScenarioItem() {
        return item("menu.saveScenario", "save-scenario", () -> choose(stem(openFile.get()) + "-now.yaml", this::writeScenario));
    }

    MenuItem saveLessonItem() {
        return item("menu.saveLesson", "save-lesson", () -> choose("lesson-" + stem(openFile.get()) + ".yaml", this::writeLesson));
    }

    /** Saves the lesson to {@code file}, or says why it could not. */
    void saveLesson(Path file) {
        save(file, this::writeLesson);
    }

    /** Saves the configuration now to {@code file}, or says why it could not. */
    void saveScenario(Path file) {
        save(file, this::writeScenario);
    }

    /** The lesson so far: the open scenario with the clicks since the last reset as its events. */
    private void writeLesson(Path file) throws IOException {
        LiveRun live = run.get();
        SavedScenarios.writeLesson(file, live.scenario(), live.journal().events());
    }

    /** The configuration as it stands at the latest snapshot's simulated time. */
    private void writeScenario(Path file) throws IOException {
        LiveRun live = run.get();
        // The journal is read after the snapshot: an action applied in between is in both or
        // only in the journal, never lost; its time is at least the snapshot's.
        double now = live.latest().time();
        var clicked = live.journal().events();
        double upTo = clicked.isEmpty() ? now : Math.max(now, clicked.get(clicked.size() - 1).at());
        SavedScenarios.writeConfiguration(file, live.scenario(), clicked, upTo);
    }

    /** What a save does with the path chosen. */
    private interface Save {
        void to(Path file) throws IOException;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void choose(String defaultName, Save save) {
        Path open = openFile.get();
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("dialog.scenarios"), "*.yaml", "*.yml"));
        Path folder = open.toAbsolutePath().getParent();
        if (folder != null && folder.toFile().isDirectory()) chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(defaultName);
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) save(chosen.toPath(), save);
    }

    private void save(Path file, Save save) {
        try {
            save.to(file);
        } catch (IOException | RuntimeException e) {
            error.accept(messages.get("error.save", file, reason(e)));
        }
    }

    /** Why a file could not be written, in words: the exception's message, or its kind when it has none. */
    static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied (" + message + ")";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such folder (" + message + ")";
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(messages.text(key));
        item.setOnAction(e -> action.run());
        return item;
    }
}
