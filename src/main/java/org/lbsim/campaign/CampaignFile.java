package org.lbsim.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.lbsim.experiment.Experiments;
import org.lbsim.experiment.Experiments.Replication;
import org.lbsim.experiment.Experiments.RunKey;
import org.lbsim.experiment.LatencySeries;
import org.lbsim.metrics.LatencyDistribution;
import org.lbsim.metrics.Metric;
import org.lbsim.metrics.RunResult;
import org.lbsim.report.JsonReport;

/**
 * A campaign's SQLite file: the study it holds, and one row per run that has ended, each written
 * in a transaction of its own as the run ends. The schema is in docs/campaigns.md. SQLite's
 * default rollback journal (not WAL, which needs shared memory and so no network file system)
 * makes every committed run survive a crash or {@code kill -9}; a run in flight is simply not
 * there, and is computed again by the next attempt. One process writes a file at a time; several
 * threads of it may store runs.
 */
public final class CampaignFile implements AutoCloseable {

    /** The version of the schema, in the {@code study} table: a reader refuses a newer one. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final Connection connection;
    private final Study study;
    private PreparedStatement insert;

    private CampaignFile(Path path, Connection connection, Study study) {
        this.path = path;
        this.connection = connection;
        this.study = study;
    }

    /**
     * The file for this study: made when it does not exist; otherwise opened, and refused when it
     * holds another study (the message says what differs).
     */
    public static CampaignFile openOrCreate(Path path, Study study) {
        boolean exists = Files.exists(path);
        Connection connection = connect(path);
        try {
            if (!exists || !hasTable(connection, "study")) {
                if (exists && hasAnyTable(connection)) {
                    throw new CampaignException(path + " is an SQLite database but not an lbsim campaign file (it has no "
                            + "study table): give a new file name");
                }
                create(connection, study);
                return new CampaignFile(path, connection, study);
            }
            Study stored = readStudy(connection, path);
            List<String> differences = study.differences(stored, "this command", path.toString());
            if (!differences.isEmpty()) {
                throw new CampaignException(path + " holds another study, so this command cannot resume it: "
                        + String.join("; ", differences) + ". Give another --campaign file, or run the command that made it");
            }
            return new CampaignFile(path, connection, stored);
        } catch (RuntimeException | SQLException e) {
            closeQuietly(connection);
            throw e instanceof CampaignException c ? c : failure(path, e);
        }
    }

    /** An existing campaign file, to read or to merge into. */
    public static CampaignFile open(Path path) {
        if (!Files.isRegularFile(path)) throw new CampaignException(path + ": no such campaign file");
        Connection connection = connect(path);
        try {
            if (!hasTable(connection, "study")) {
                throw new CampaignException(path + " is not an lbsim campaign file (it has no study table)");
            }
            return new CampaignFile(path, connection, readStudy(connection, path));
        } catch (RuntimeException | SQLException e) {
            closeQuietly(connection);
            throw e instanceof CampaignException c ? c : failure(path, e);
        }
    }

    /** A new, empty campaign file for this study; refuses to replace a file. */
    public static CampaignFile create(Path path, Study study) {
        if (Files.exists(path)) throw new CampaignException(path + " exists already");
        Connection connection = connect(path);
        try {
            create(connection, study);
            return new CampaignFile(path, connection, study);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(path, e);
        }
    }

    public Study study() {
        return study;
    }

    public Path path() {
        return path;
    }

    /** The runs stored so far. */
    public synchronized Set<RunKey> storedKeys() {
        Set<RunKey> keys = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT configuration, replication FROM runs")) {
            while (rows.next()) keys.add(new RunKey(rows.getInt(1), rows.getInt(2)));
        } catch (SQLException e) {
            throw failure(path, e);
        }
        return keys;
    }

    /** Stores one run that has ended, in its own transaction; called from the thread that ran it. */
    public synchronized void store(RunKey key, Replication run) {
        store(key, StoredRun.of(run), run.result());
    }

    /** Stores a run as it was stored elsewhere (a merge); a run already here is left as it is. */
    synchronized void store(RunKey key, StoredRun run, RunResult result) {
        Study.Member member = study.configurations().get(key.configuration());
        try {
            if (insert == null) insert = connection.prepareStatement(insertStatement());
            int column = 1;
            insert.setInt(column++, key.configuration());
            insert.setInt(column++, key.replication());
            insert.setLong(column++, run.seed());
            insert.setString(column++, member.facts().algorithm());
            insert.setString(column++, json(member.facts().set()));
            insert.setString(column++, member.scenarioDigest());
            insert.setString(column++, study.lbsimVersion());
            for (Metric metric : Metric.STANDARD) {
                double value = metric.of(result);
                if (Double.isFinite(value)) {
                    insert.setDouble(column++, value);
                } else {
                    insert.setNull(column++, java.sql.Types.REAL);
                }
            }
            insert.setString(column++, run.resultJson());
            insert.setString(column++, run.quantilesJson());
            insert.setString(column++, run.seriesJson());
            insert.setString(column, Instant.now().toString());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure(path, e);
        }
    }

    /** Does {@code work} (stores) in one transaction: all of it is in the file, or none. */
    synchronized void inTransaction(Runnable work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(path, e);
        }
    }

    /** Every stored run, as stored. */
    synchronized Map<RunKey, StoredRun> storedRuns() {
        Map<RunKey, StoredRun> runs = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT configuration, replication, seed, result, latency_quantiles, "
                     + "latency_series FROM runs ORDER BY configuration, replication")) {
            while (rows.next()) {
                runs.put(new RunKey(rows.getInt(1), rows.getInt(2)),
                        new StoredRun(rows.getLong(3), rows.getString(4), rows.getString(5), rows.getString(6)));
            }
        } catch (SQLException e) {
            throw failure(path, e);
        }
        return runs;
    }

    /** Every stored run, read back into what the experiment summaries take. */
    public Map<RunKey, Replication> runs() {
        Map<RunKey, Replication> runs = new LinkedHashMap<>();
        storedRuns().forEach((key, stored) -> runs.put(key, stored.replication(path)));
        return runs;
    }

    @Override
    public synchronized void close() {
        try {
            if (insert != null) insert.close();
            connection.close();
        } catch (SQLException e) {
            throw failure(path, e);
        }
    }

    /**
     * One run as the file holds it: its seed, its JSON result, and, beside the JSON, its latency
     * quantiles (the CDF) and latency series (the warm-up check), as JSON arrays.
     */
    record StoredRun(long seed, String resultJson, String quantilesJson, String seriesJson) {

        static StoredRun of(Replication run) {
            RunResult result = run.result();
            ArrayNode quantiles = JSON.createArrayNode();
            result.latency().distribution().points().forEach(point -> add(quantiles, point.seconds()));
            ObjectNode series = JSON.createObjectNode();
            ArrayNode starts = series.putArray("starts");
            for (double start : run.latency().starts()) add(starts, start);
            ArrayNode means = series.putArray("means");
            for (double mean : run.latency().means()) add(means, mean);
            return new StoredRun(result.seed(), JsonReport.toTree(result).toString(), quantiles.toString(), series.toString());
        }

        Replication replication(Path file) {
            try {
                LatencyDistribution distribution = LatencyDistribution.of(doubles(JSON.readTree(quantilesJson)));
                JsonNode series = JSON.readTree(seriesJson);
                RunResult result = RunJson.read(JSON.readTree(resultJson), distribution);
                return new Replication(result, new LatencySeries(doubles(series.get("starts")), doubles(series.get("means"))));
            } catch (JsonProcessingException | RuntimeException e) {
                throw new CampaignException(file + ": a stored run cannot be read (" + e.getMessage() + ")", e);
            }
        }

        /**
         * The run without what depends on the machine (the engine's wall time and speed): two
         * computations of one run agree on everything else, to the last digit.
         */
        String withoutTimings() {
            try {
                ObjectNode tree = (ObjectNode) JSON.readTree(resultJson);
                ObjectNode engine = (ObjectNode) tree.get("engine");
                if (engine != null) engine.remove(List.of("wallSeconds", "eventsPerSecond"));
                return seed + tree.toString() + quantilesJson + seriesJson;
            } catch (JsonProcessingException e) {
                throw new CampaignException("a stored run cannot be read (" + e.getMessage() + ")", e);
            }
        }

        private static void add(ArrayNode array, double value) {
            if (Double.isFinite(value)) {
                array.add(value);
            } else {
                array.addNull();
            }
        }

        private static double[] doubles(JsonNode array) {
            double[] values = new double[array.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode value = array.get(i);
                values[i] = value.isNull() ? Double.NaN : value.asDouble();
            }
            return values;
        }
    }

    /** The columns of {@code runs}, in order; each standard metric has one (its name with _ for .). */
    private static String insertStatement() {
        List<String> columns = new ArrayList<>(List.of("configuration", "replication", "seed", "algorithm", "set_values",
                "scenario_digest", "lbsim_version"));
        for (Metric metric : Metric.STANDARD) columns.add(metricColumn(metric));
        columns.addAll(List.of("result", "latency_quantiles", "latency_series", "ended_at"));
        StringJoiner marks = new StringJoiner(", ");
        columns.forEach(column -> marks.add("?"));
        // A run already stored stays as it is: a merge meets the runs it already has.
        return "INSERT OR IGNORE INTO runs (" + String.join(", ", columns) + ") VALUES (" + marks + ")";
    }

    static String metricColumn(Metric metric) {
        return metric.name().replace('.', '_');
    }

    private static void create(Connection connection, Study study) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    CREATE TABLE study (
                      format INTEGER NOT NULL,
                      command TEXT NOT NULL,
                      lbsim_version TEXT NOT NULL,
                      scenario TEXT NOT NULL,
                      overrides TEXT NOT NULL,
                      replications INTEGER NOT NULL,
                      runs INTEGER NOT NULL)""");
            statement.executeUpdate("""
                    CREATE TABLE configurations (
                      configuration INTEGER PRIMARY KEY,
                      algorithm TEXT NOT NULL,
                      set_values TEXT NOT NULL,
                      scenario_digest TEXT NOT NULL,
                      warmup REAL NOT NULL,
                      steady_state INTEGER NOT NULL)""");
            StringBuilder runs = new StringBuilder("""
                    CREATE TABLE runs (
                      configuration INTEGER NOT NULL REFERENCES configurations,
                      replication INTEGER NOT NULL,
                      seed INTEGER NOT NULL,
                      algorithm TEXT NOT NULL,
                      set_values TEXT NOT NULL,
                      scenario_digest TEXT NOT NULL,
                      lbsim_version TEXT NOT NULL,
                    """);
            for (Metric metric : Metric.STANDARD) runs.append("  ").append(metricColumn(metric)).append(" REAL,\n");
            runs.append("""
                      result TEXT NOT NULL,
                      latency_quantiles TEXT NOT NULL,
                      latency_series TEXT NOT NULL,
                      ended_at TEXT NOT NULL,
                      PRIMARY KEY (configuration, replication))""");
            statement.executeUpdate(runs.toString());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO study VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, FORMAT);
            insert.setString(2, study.kind().command());
            insert.setString(3, study.lbsimVersion());
            insert.setString(4, study.scenario());
            insert.setString(5, json(study.overrides()));
            insert.setInt(6, study.replications());
            insert.setLong(7, study.runs());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO configurations VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int c = 0; c < study.configurations().size(); c++) {
                Study.Member member = study.configurations().get(c);
                insert.setInt(1, c);
                insert.setString(2, member.facts().algorithm());
                insert.setString(3, json(member.facts().set()));
                insert.setString(4, member.scenarioDigest());
                insert.setDouble(5, member.facts().warmup());
                insert.setInt(6, member.facts().steadyState() ? 1 : 0);
                insert.executeUpdate();
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static Study readStudy(Connection connection, Path path) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Study.Kind kind;
            String version;
            String scenario;
            List<String> overrides;
            int replications;
            try (ResultSet row = statement.executeQuery("SELECT format, command, lbsim_version, scenario, overrides, "
                    + "replications FROM study")) {
                if (!row.next()) throw new CampaignException(path + " is not a whole campaign file: its study table is empty");
                if (row.getInt(1) > FORMAT) {
                    throw new CampaignException(path + " was written by a newer lbsim (campaign format " + row.getInt(1)
                            + ", this lbsim reads " + FORMAT + ")");
                }
                kind = Study.Kind.of(row.getString(2));
                version = row.getString(3);
                scenario = row.getString(4);
                overrides = JSON.readValue(row.getString(5), new TypeReference<List<String>>() { });
                replications = row.getInt(6);
            }
            List<Study.Member> members = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT algorithm, set_values, scenario_digest, warmup, steady_state "
                    + "FROM configurations ORDER BY configuration")) {
                while (rows.next()) {
                    Map<String, String> set = JSON.readValue(rows.getString(2), new TypeReference<LinkedHashMap<String, String>>() { });
                    members.add(new Study.Member(new Experiments.Facts(rows.getString(1), set, rows.getDouble(4),
                            rows.getInt(5) != 0), rows.getString(3)));
                }
            }
            return new Study(kind, version, scenario, overrides, replications, members);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CampaignException(path + ": its study cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean hasAnyTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table'")) {
            return rows.next();
        }
    }

    private static Connection connect(Path path) {
        try {
            Class.forName("org.sqlite.JDBC"); // registers the driver, whatever the jar's service files say
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path);
            try (Statement statement = connection.createStatement()) {
                // Another process holding the file (a second attempt started by mistake) is waited for, not failed on.
                statement.execute("PRAGMA busy_timeout = 30000");
                statement.execute("PRAGMA foreign_keys = ON");
            }
            return connection;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the SQLite driver is missing from the class path", e);
        } catch (SQLException e) {
            throw failure(path, e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CampaignException failure(Path path, Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("NOTADB") || message.contains("not a database")) {
            return new CampaignException(path + " is not an lbsim campaign file (not an SQLite database)", e);
        }
        return new CampaignException(path + ": " + message, e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The failure being reported says more than one in closing.
        }
    }
}
