package org.lbsim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lbsim.cluster.spec.EventSpec;
import org.lbsim.cluster.spec.Scenario;
import org.lbsim.scenario.ScenarioWriter;

/**
 * What a live session saves as scenario files: the lesson (the scenario with what was clicked
 * as its {@code events:}, which {@code lbsim run} replays to the same numbers) and the current
 * configuration (the cluster as it stands, to start from next time).
 */
public final class SavedScenarios {

    /** Where a project keeps the schema, from its top folder. */
    private static final Path SCHEMA = Path.of("docs", "scenario.schema.json");

    private SavedScenarios() {
    }

    /**
     * {@code loaded} with the actions clicked during the session added to its events. At equal
     * times a scenario's own event comes first, as it did live: a click at time t is applied
     * after everything the run held for t. When the scenario's events are in time order the
     * result is too; otherwise the clicks follow them, which orders ties the same way.
     */
    public static Scenario lesson(Scenario loaded, List<EventSpec> clicked) {
        List<EventSpec> events = new ArrayList<>(loaded.events());
        events.addAll(clicked);
        if (inTimeOrder(loaded.events())) events.sort(Comparator.comparingDouble(EventSpec::at)); // stable
        return loaded.withEvents(events);
    }

    /**
     * The configuration at simulated time {@code now}: {@code loaded} after its own events up to
     * {@code now} and the actions clicked, with no events (a removed server the scenario still
     * names keeps a {@code remove-server} at time 0).
     */
    public static Scenario configurationAt(Scenario loaded, List<EventSpec> clicked, double now) {
        List<EventSpec> happened = new ArrayList<>(loaded.events().stream().filter(e -> e.at() <= now).toList());
        happened.addAll(clicked);
        happened.sort(Comparator.comparingDouble(EventSpec::at));
        return CurrentConfiguration.after(loaded, happened);
    }

    /** Writes the lesson as YAML to {@code file}. */
    public static void writeLesson(Path file, Scenario loaded, List<EventSpec> clicked) throws IOException {
        write(file, lesson(loaded, clicked), List.of(
                "A lesson saved from the classroom window: the scenario with the actions clicked as events.",
                "Replay it headless with: ./lbsim run " + file.getFileName()));
    }

    /** Writes the configuration at {@code now} as YAML to {@code file}. */
    public static void writeConfiguration(Path file, Scenario loaded, List<EventSpec> clicked, double now)
            throws IOException {
        write(file, configurationAt(loaded, clicked, now), List.of(String.format(Locale.ROOT,
                "The configuration saved from the classroom window at %.1f s of simulated time;", now),
                "the original's events are dropped: this scenario starts from that configuration, all servers up."));
    }

    private static void write(Path file, Scenario scenario, List<String> comments) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        StringBuilder text = new StringBuilder();
        String schema = schemaReference(folder);
        if (schema != null) text.append("# yaml-language-server: $schema=").append(schema).append('\n');
        comments.forEach(line -> text.append("# ").append(line).append('\n'));
        text.append(ScenarioWriter.write(scenario, folder, null));
        Files.writeString(file, text);
    }

    /**
     * The schema's path relative to {@code folder}, for the editors' modeline, when a folder
     * above it (or itself) holds {@code docs/scenario.schema.json}: a file saved inside the
     * project completes in editors as the shipped ones do. Null elsewhere, where the path would
     * break as soon as the file is shared.
     */
    static String schemaReference(Path folder) {
        Path start = folder.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path schema = dir.resolve(SCHEMA);
            if (Files.isRegularFile(schema)) return start.relativize(schema).toString().replace('\\', '/');
        }
        return null;
    }

    private static boolean inTimeOrder(List<EventSpec> events) {
        for (int i = 1; i < events.size(); i++) if (events.get(i).at() < events.get(i - 1).at()) return false;
        return true;
    }
}
